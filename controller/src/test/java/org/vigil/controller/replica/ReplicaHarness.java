package org.vigil.controller.replica;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.vigil.cib.model.Cib;
import org.vigil.membership.FailureDetection;
import org.vigil.membership.Membership;
import org.vigil.membership.MembershipConfig;
import org.vigil.membership.MembershipEvent;
import org.vigil.membership.MembershipException;
import org.vigil.membership.MembershipListener;
import org.vigil.membership.NodeConfig;
import org.vigil.membership.simulation.SimulatedCluster;
import org.vigil.membership.quorum.QuorumOptions;
import org.vigil.protocol.Reply;
import org.vigil.protocol.Request;

/**
 * CibReplicas on a {@link SimulatedCluster}: each node's replica is fed its membership's events and
 * messages, and its effects are carried out at once (messages through the simulated cluster, stores
 * into a map that outlives a crash, replies into a map).
 */
final class ReplicaHarness {
  final SimulatedCluster cluster;
  final Map<String, Integer> ids = new LinkedHashMap<>();
  final Map<String, Cib> stored = new HashMap<>();
  final Map<String, SimNode> running = new LinkedHashMap<>();
  final Map<Long, Reply> replies = new HashMap<>();
  final List<String> notices = new ArrayList<>();
  private long nextClientId = 1;
  /** The clock reading every write gets (2026-11-23 12:00:00 UTC). */
  static final long NOW = 1_795_435_200L;

  ReplicaHarness(int nodes, QuorumOptions quorum) {
    List<NodeConfig> list = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      list.add(new NodeConfig("node" + i, i, "127.0.0.1", 7000 + i));
      ids.put("node" + i, i);
    }
    cluster = new SimulatedCluster(new MembershipConfig("test", "node1", list, quorum, FailureDetection.defaults(),
        Path.of("unused")));
  }

  final class SimNode implements MembershipListener {
    final String name;
    final CibReplica replica;
    Membership membership;
    /** Messages this node loses on arrival (a test's lossy link). */
    Predicate<ClusterMessage> drop = m -> false;
    private final List<Effect> early = new ArrayList<>();

    SimNode(String name) {
      this.name = name;
      this.replica = new CibReplica(name, ids, stored.getOrDefault(name, Cib.empty()));
    }

    @Override
    public void onEvent(MembershipEvent event) {
      run(replica.onMembership(event));
      run(replica.flush());
    }

    @Override
    public void onMessage(org.vigil.membership.Node from, byte[] payload) {
      try {
        ClusterMessage m = ClusterCodec.decode(payload);
        if (drop.test(m)) {
          return;
        }
        run(replica.onMessage(from.name(), m));
      } catch (ClusterCodec.MalformedMessageException e) {
        throw new AssertionError(e);
      }
      run(replica.flush());
    }

    void run(List<Effect> effects) {
      if (membership == null) {
        early.addAll(effects);
        return;
      }
      for (Effect e : effects) {
        try {
          if (e instanceof Effect.Persist p) {
            stored.put(name, p.cib());
          } else if (e instanceof Effect.Send s) {
            membership.send(s.to(), ClusterCodec.encode(s.message()));
          } else if (e instanceof Effect.Broadcast b) {
            membership.broadcast(ClusterCodec.encode(b.message()));
          } else if (e instanceof Effect.Respond r) {
            replies.put(r.clientId(), r.reply());
          } else if (e instanceof Effect.Notice n) {
            notices.add(name + ": " + n.level() + " " + n.text());
          }
        } catch (MembershipException ex) {
          notices.add(name + ": send failed: " + ex.getMessage());
        }
      }
    }
  }

  SimNode start(String name) {
    SimNode n = new SimNode(name);
    running.put(name, n);
    n.membership = cluster.start(name, n);
    List<Effect> early = new ArrayList<>(n.early);
    n.early.clear();
    n.run(early);
    return n;
  }

  void crash(String name) {
    running.remove(name);
    cluster.crash(name);
  }

  SimNode node(String name) {
    return running.get(name);
  }

  /** Sends a client write to a node; returns its client id (the reply lands in {@link #replies}). */
  long write(String name, Request request) {
    long id = nextClientId++;
    SimNode n = running.get(name);
    n.run(n.replica.onClientWrite(id, request, "tester", NOW));
    n.run(n.replica.flush());
    return id;
  }

  Reply writeAndReply(String name, Request request) {
    long id = write(name, request);
    Reply r = replies.get(id);
    if (r == null) {
      throw new AssertionError("no reply to client " + id + " at " + name);
    }
    return r;
  }

  void tick(String name) {
    SimNode n = running.get(name);
    n.run(n.replica.onTick());
    n.run(n.replica.flush());
  }

  String dc() {
    return running.values().iterator().next().membership.dc().orElseThrow().name();
  }
}
