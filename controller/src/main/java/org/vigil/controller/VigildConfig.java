package org.vigil.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vigil.membership.FailureDetection;
import org.vigil.membership.MembershipConfig;
import org.vigil.membership.NodeConfig;
import org.vigil.membership.quorum.QuorumOptions;
import org.vigil.membership.quorum.TieBreaker;

/**
 * One node's configuration, read from a file of {@code key = value} lines ({@code #} starts a
 * comment). The keys follow corosync.conf's names where it has them:
 *
 * <pre>
 * cluster_name = demo
 * node_name    = node1                    # which node of the list this process is
 * node.node1   = 1 127.0.0.1:7600         # name = id address:port [votes]
 * node.node2   = 2 127.0.0.1:7601
 * key_file     = authkey                  # relative paths are relative to this file
 * data_dir     = node1                    # cib.xml, vigild.sock, vigild.pid, vigild.log
 * socket       = node1/vigild.sock        # optional; default DATA_DIR/vigild.sock
 * quorum.expected_votes = 3               # optional
 * quorum.two_node = false
 * quorum.wait_for_all = false             # optional; default: follows two_node
 * quorum.last_man_standing = false
 * quorum.last_man_standing_window = 10000 # ms
 * quorum.auto_tie_breaker = false
 * quorum.auto_tie_breaker_node = lowest   # lowest, highest, or node ids "1 3"
 * totem.token = 1000                      # ms of silence before a node is suspected
 * totem.heartbeat = 200                   # ms between heartbeats
 * totem.verify = 300                      # ms a suspected node has to answer
 * totem.merge_min = 500
 * totem.merge_max = 1500
 * totem.join = 1000                       # ms a starting node looks for a running cluster
 * </pre>
 *
 * @param file       where it was read from (named in errors)
 * @param membership the cluster, node list, quorum, timeouts and key file
 * @param dataDir    where the node keeps its CIB, socket, pid file and log
 * @param socket     the local socket crm connects to
 */
public record VigildConfig(Path file, MembershipConfig membership, Path dataDir, Path socket) {

  private static final Set<String> KEYS = Set.of("cluster_name", "node_name", "key_file", "data_dir", "socket",
      "quorum.expected_votes", "quorum.two_node", "quorum.wait_for_all", "quorum.last_man_standing",
      "quorum.last_man_standing_window", "quorum.auto_tie_breaker", "quorum.auto_tie_breaker_node", "totem.token",
      "totem.heartbeat", "totem.verify", "totem.merge_min", "totem.merge_max", "totem.join");

  public VigildConfig {
    Objects.requireNonNull(membership, "membership");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(socket, "socket");
  }

  /** A configuration file that cannot be used; the message names the file, line and key. */
  public static final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
      super(message);
    }
  }

  public String nodeName() {
    return membership.localNodeName();
  }

  public Path cibFile() {
    return dataDir.resolve("cib.xml");
  }

  public Path pidFile() {
    return dataDir.resolve("vigild.pid");
  }

  public Path logFile() {
    return dataDir.resolve("vigild.log");
  }

  public static VigildConfig read(Path file) throws ConfigException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("configuration file " + file + " does not exist");
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
    }
    return parse(file, lines);
  }

  /** Parses the lines of {@code file}. */
  public static VigildConfig parse(Path file, List<String> lines) throws ConfigException {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    List<NodeLine> nodeLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (text.isEmpty()) {
        continue;
      }
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(file + ":" + (i + 1) + ": expected 'key = value', found '" + text + "'");
      }
      String key = text.substring(0, eq).strip();
      String value = text.substring(eq + 1).strip();
      if (key.startsWith("node.")) {
        nodeLines.add(new NodeLine(key.substring(5), value, i + 1));
        continue;
      }
      if (!KEYS.contains(key)) {
        throw new ConfigException(file + ":" + (i + 1) + ": unknown key '" + key + "' (known: node.NAME, "
            + String.join(", ", KEYS.stream().sorted().toList()) + ")");
      }
      if (values.put(key, value) != null) {
        throw new ConfigException(file + ":" + (i + 1) + ": '" + key + "' is set twice (first on line "
            + lineOf.get(key) + ")");
      }
      lineOf.put(key, i + 1);
    }
    Reader r = new Reader(file, values, lineOf);
    Path base = file.toAbsolutePath().getParent();
    List<NodeConfig> nodes = new ArrayList<>();
    for (NodeLine n : nodeLines) {
      nodes.add(n.parse(file));
    }
    nodes.sort(Comparator.comparingInt(NodeConfig::id));
    try {
      QuorumOptions q = QuorumOptions.defaults();
      if (values.containsKey("quorum.expected_votes")) {
        q = q.withExpectedVotes(r.integer("quorum.expected_votes"));
      }
      q = q.withTwoNode(r.bool("quorum.two_node", false));
      if (values.containsKey("quorum.wait_for_all")) {
        q = q.withWaitForAll(r.bool("quorum.wait_for_all", false));
      }
      q = q.withLastManStanding(r.bool("quorum.last_man_standing", false),
          r.millis("quorum.last_man_standing_window", QuorumOptions.DEFAULT_LMS_WINDOW));
      q = q.withAutoTieBreaker(r.bool("quorum.auto_tie_breaker", false), r.tieBreaker("quorum.auto_tie_breaker_node"));
      FailureDetection d = FailureDetection.defaults();
      FailureDetection fd = new FailureDetection(r.millis("totem.token", d.timeout()),
          r.millis("totem.heartbeat", d.interval()), r.millis("totem.verify", d.verifyTimeout()),
          r.millis("totem.merge_min", d.mergeMinInterval()), r.millis("totem.merge_max", d.mergeMaxInterval()),
          r.millis("totem.join", d.joinTimeout()));
      Path dataDir = base.resolve(r.required("data_dir"));
      Path socket = values.containsKey("socket") ? base.resolve(values.get("socket")) : dataDir.resolve("vigild.sock");
      MembershipConfig m = new MembershipConfig(r.required("cluster_name"), r.required("node_name"), nodes, q, fd,
          base.resolve(r.required("key_file")));
      return new VigildConfig(file, m, dataDir, socket);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage());
    }
  }

  private record NodeLine(String name, String value, int line) {
    NodeConfig parse(Path file) throws ConfigException {
      String[] f = value.split("\\s+");
      String where = file + ":" + line + ": node." + name;
      if (f.length < 2 || f.length > 3) {
        throw new ConfigException(where + ": expected 'ID ADDRESS:PORT [VOTES]', found '" + value + "'");
      }
      int colon = f[1].lastIndexOf(':');
      if (colon <= 0) {
        throw new ConfigException(where + ": '" + f[1] + "' is not ADDRESS:PORT");
      }
      try {
        int id = Integer.parseInt(f[0]);
        int port = Integer.parseInt(f[1].substring(colon + 1));
        int votes = f.length == 3 ? Integer.parseInt(f[2]) : 1;
        return new NodeConfig(name, id, f[1].substring(0, colon), port, votes);
      } catch (NumberFormatException e) {
        throw new ConfigException(where + ": id, port and votes must be integers, found '" + value + "'");
      } catch (IllegalArgumentException e) {
        throw new ConfigException(where + ": " + e.getMessage());
      }
    }
  }

  private record Reader(Path file, Map<String, String> values, Map<String, Integer> lineOf) {
    String where(String key) {
      return file + ":" + lineOf.get(key) + ": " + key;
    }

    String required(String key) {
      String v = values.get(key);
      if (v == null || v.isEmpty()) {
        throw new IllegalArgumentException("'" + key + "' is required");
      }
      return v;
    }

    int integer(String key) {
      try {
        return Integer.parseInt(values.get(key));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where(key) + ": expected an integer, found '" + values.get(key) + "'");
      }
    }

    boolean bool(String key, boolean fallback) {
      String v = values.get(key);
      if (v == null) {
        return fallback;
      }
      return switch (v.toLowerCase(Locale.ROOT)) {
        case "1", "true", "yes", "on" -> true;
        case "0", "false", "no", "off" -> false;
        default -> throw new IllegalArgumentException(where(key) + ": expected true or false, found '" + v + "'");
      };
    }

    Duration millis(String key, Duration fallback) {
      return values.containsKey(key) ? Duration.ofMillis(integer(key)) : fallback;
    }

    TieBreaker tieBreaker(String key) {
      String v = values.getOrDefault(key, "lowest").strip();
      if (v.equals("lowest")) {
        return TieBreaker.lowest();
      }
      if (v.equals("highest")) {
        return TieBreaker.highest();
      }
      List<Integer> ids = new ArrayList<>();
      for (String s : v.split("\\s+")) {
        try {
          ids.add(Integer.parseInt(s));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(where(key) + ": expected lowest, highest or node ids, found '" + v + "'");
        }
      }
      return TieBreaker.nodes(ids);
    }
  }
}
