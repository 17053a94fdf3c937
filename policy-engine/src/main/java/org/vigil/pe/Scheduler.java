package org.vigil.pe;

import java.time.Instant;
import org.vigil.cib.model.Cib;

/** Decides what the cluster should do: the same CIB and time always give the same transition. */
public interface Scheduler {
  /**
   * Schedules a transition for {@code cib} as of {@code now} (the CIB's execution-date when
   * it has one, else the caller's clock).
   */
  Transition schedule(Cib cib, Instant now);
}
