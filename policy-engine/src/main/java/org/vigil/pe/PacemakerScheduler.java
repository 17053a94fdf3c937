package org.vigil.pe;

import java.time.Instant;
import org.vigil.cib.model.Cib;
import org.vigil.pe.schedule.Stages;

/** The Pacemaker-compatible scheduler: the CIB's execution-date, when it has one, is "now". */
public final class PacemakerScheduler implements Scheduler {
  @Override
  public Transition schedule(Cib cib, Instant now) {
    return Stages.run(cib, cib.executionDate().orElse(now));
  }
}
