package org.vigil.pe.status;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.LrmResource;

/**
 * The histories replayed while unpacking a CIB, kept for unpacking its revision: crm simulate
 * unpacks the status again after the simulated transition, which rewrites only the records
 * its actions touched and keeps the others as the same objects, in the same places. A record's
 * replay depends on the record, its node, the configuration and the time only, so with the
 * same configuration object and time a record already replayed is not replayed again.
 */
public final class Replays {
  private Configuration configuration;
  private Instant now;
  /** The last unpack's records and replays, by node. */
  private Map<String, NodeReplays> kept = new HashMap<>();
  /** This unpack's, by node. */
  private Map<String, NodeReplays> current = new HashMap<>();

  /** Starts an unpack of {@code cib} at {@code now}: what was kept for another configuration or time is dropped. */
  void begin(Cib cib, Instant now) {
    boolean same = cib.configuration() == this.configuration && now.equals(this.now);
    kept = same ? current : new HashMap<>();
    current = new HashMap<>();
    this.configuration = cib.configuration();
    this.now = now;
  }

  /** The replays of {@code records}, the history of {@code node}, in this unpack. */
  NodeReplays node(String node, List<LrmResource> records) {
    NodeReplays replays = new NodeReplays(records, kept.get(node));
    current.put(node, replays);
    return replays;
  }

  /**
   * One node's records and what they replayed to, by position: a revised status keeps each
   * record it did not touch where it was, so a record is looked up by its place, not hashed.
   */
  static final class NodeReplays {
    private final List<LrmResource> records;
    private final NodeHistory[] histories;
    private final NodeReplays before;

    private NodeReplays(List<LrmResource> records, NodeReplays before) {
      this.records = records;
      this.histories = new NodeHistory[records.size()];
      this.before = before;
    }

    /** The history of the record at {@code index} when it was replayed already, else null. */
    NodeHistory get(int index) {
      NodeHistory h = histories[index];
      if (h == null && before != null && index < before.records.size()
          && before.records.get(index) == records.get(index)) {
        h = before.histories[index];
      }
      return h;
    }

    void put(int index, NodeHistory history) {
      histories[index] = history;
    }
  }
}
