package org.vigil.pe;

import java.time.Instant;
import org.vigil.cib.model.Cib;
import org.vigil.pe.schedule.Stages;
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.ClusterStatus;

/** The Pacemaker-compatible scheduler: the CIB's execution-date, when it has one, is "now". */
public final class PacemakerScheduler implements Scheduler {
  @Override
  public Transition schedule(Cib cib, Instant now) {
    return Stages.run(cib, cib.executionDate().orElse(now));
  }

  @Override
  public Transition schedule(ClusterState unpacked) {
    // the status must have been unpacked at the time this scheduler would have chosen
    if (!unpacked.cib().executionDate().orElse(unpacked.now()).equals(unpacked.now())) {
      return schedule(unpacked.cib(), unpacked.now());
    }
    return Stages.run(unpacked);
  }

  @Override
  public Transition schedule(ClusterState unpacked, AllocationScores scores) {
    if (!unpacked.cib().executionDate().orElse(unpacked.now()).equals(unpacked.now())) {
      return Stages.run(ClusterStatus.unpack(unpacked.cib(), unpacked.cib().executionDate().get()), scores);
    }
    return Stages.run(unpacked, scores);
  }
}
