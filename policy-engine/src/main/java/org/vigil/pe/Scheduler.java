package org.vigil.pe;

import java.time.Instant;
import org.vigil.cib.model.Cib;
import org.vigil.pe.status.ClusterState;

/** Decides what the cluster should do: the same CIB and time always give the same transition. */
public interface Scheduler {
  /**
   * Schedules a transition for {@code cib} as of {@code now} (the CIB's execution-date when
   * it has one, else the caller's clock).
   */
  Transition schedule(Cib cib, Instant now);

  /**
   * As {@link #schedule(Cib, Instant)} for {@code unpacked.cib()} at {@code unpacked.now()},
   * given the status already unpacked (crm simulate shows it before scheduling): a scheduler
   * may skip unpacking it again.
   */
  default Transition schedule(ClusterState unpacked) {
    return schedule(unpacked.cib(), unpacked.now());
  }

  /**
   * As {@link #schedule(ClusterState)}, also recording into {@code scores} the node scores each
   * resource was assigned from ({@code crm_simulate -s}); a scheduler that keeps no scores
   * records none.
   */
  default Transition schedule(ClusterState unpacked, AllocationScores scores) {
    return schedule(unpacked);
  }
}
