package org.vigil.pe.status;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.LrmResource;

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
  private final Map<LrmResource, NodeHistory> byRecord = new IdentityHashMap<>();

  /** Starts an unpack of a CIB with {@code configuration} at {@code now}: what was kept for another one is dropped. */
  void begin(Configuration configuration, Instant now) {
    if (configuration != this.configuration || !now.equals(this.now)) {
      byRecord.clear();
      this.configuration = configuration;
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
