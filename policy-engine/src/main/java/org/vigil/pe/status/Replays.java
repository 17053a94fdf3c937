package org.vigil.pe.status;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.NodeState;

/**
 * The histories replayed while unpacking a CIB, kept for unpacking its revision: crm simulate
 * unpacks the status again after the simulated transition, which rewrites only the records
 * its actions touched and keeps the others as the same objects. A record's replay depends on
 * the record, its node, the configuration and the time only, so with the same configuration
 * object and time a record already replayed is not replayed again.
 */
public final class Replays {
  private Configuration configuration;
  private Instant now;
  private Map<LrmResource, NodeHistory> byRecord = new IdentityHashMap<>();

  /** Starts an unpack of {@code cib} at {@code now}: what was kept for another configuration or time is dropped. */
  void begin(Cib cib, Instant now) {
    if (cib.configuration() != this.configuration || !now.equals(this.now)) {
      int records = 0;
      for (NodeState ns : cib.status().nodeStates()) {
        records += ns.lrmResources().size();
      }
      byRecord = new IdentityHashMap<>(records);
      this.configuration = cib.configuration();
      this.now = now;
    }
  }

  /** {@code record}'s history on {@code node} when it was replayed before, else null. */
  NodeHistory get(LrmResource record, String node) {
    NodeHistory h = byRecord.get(record);
    return h != null && h.node().equals(node) ? h : null;
  }

  void put(LrmResource record, NodeHistory history) {
    byRecord.put(record, history);
  }
}
