package org.vigil.pe.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.cib.model.Bundle;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.Extras;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Op;
import org.vigil.cib.model.Operations;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.cib.values.Durations;

/**
 * A node that is not a cluster member: a remote node, reached through its connection resource
 * (an {@code ocf:pacemaker:remote} primitive named after the node), or a guest node, a
 * primitive's container with the {@code remote-node} meta attribute, reached through an
 * implicit connection resource named after the guest.
 *
 * @param node the node name
 * @param kind {@link NodeStatus.Kind#REMOTE} or {@link NodeStatus.Kind#GUEST}
 * @param connection the connection resource's id
 * @param container the container primitive of a guest node, null for a remote node
 * @param inBundle a bundle replica's guest node: only the bundle's own primitive runs there
 */
public record RemoteLink(String node, NodeStatus.Kind kind, String connection, String container, boolean inBundle) {

  /** The remote and guest nodes the configuration defines, in configuration order. */
  public static List<RemoteLink> of(Configuration config, Instant now) {
    List<RemoteLink> out = new ArrayList<>();
    for (Resource r : config.allResources()) {
      if (r instanceof Bundle b && b.primitive() != null) {
        for (BundleLayout.Replica rep : BundleLayout.of(b).replicaList()) {
          out.add(new RemoteLink(rep.connection().id(), NodeStatus.Kind.GUEST, rep.connection().id(),
              rep.container().id(), true));
        }
      }
      if (!(r instanceof Primitive p)) {
        continue;
      }
      if (isConnectionAgent(p)) {
        out.add(new RemoteLink(p.id(), NodeStatus.Kind.REMOTE, p.id(), null, false));
        continue;
      }
      String guest = names(p.metaAttributes(), "remote-node")
          ? ClusterStatus.firstWins(p.metaAttributes(), now).get("remote-node") : null;
      if (guest != null && !guest.isEmpty()) {
        out.add(new RemoteLink(guest, NodeStatus.Kind.GUEST, guest, p.id(), false));
      }
    }
    return out;
  }

  /**
   * The remote and guest nodes of the configuration, then the remote nodes whose connection is
   * no longer configured but still recorded (an orphaned connection keeps its node until it
   * stops).
   */
  public static List<RemoteLink> of(Cib cib, Instant now) {
    List<RemoteLink> out = of(cib.configuration(), now);
    Set<String> known = new HashSet<>();
    out.forEach(l -> known.add(l.node()));
    cib.configuration().allResources().forEach(r -> known.add(r.id()));
    for (NodeState remote : cib.status().nodeStates()) {
      if (!"true".equals(remote.attr("remote_node")) || remote.id() == null || known.contains(remote.id())) {
        continue;
      }
      LrmResource recorded = cib.status().nodeStates().stream().flatMap(ns -> ns.lrmResources().stream())
          .filter(lr -> lr.id().equals(remote.id()) && "ocf".equals(lr.resourceClass())
              && "pacemaker".equals(lr.provider()) && "remote".equals(lr.type()))
          .findFirst().orElse(null);
      if (recorded != null) {
        // a recorded container makes it a guest's connection
        NodeStatus.Kind kind = recorded.container() == null ? NodeStatus.Kind.REMOTE : NodeStatus.Kind.GUEST;
        out.add(new RemoteLink(remote.id(), kind, remote.id(), recorded.container(), false));
        known.add(remote.id());
      }
    }
    return out;
  }

  /** Whether some set has a value for {@code name} (most resources have no remote-node). */
  private static boolean names(List<NvSet> sets, String name) {
    for (NvSet set : sets) {
      for (NvPair p : set.pairs()) {
        if (name.equals(p.name()) && p.value() != null) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isConnectionAgent(Primitive p) {
    return "ocf".equals(p.resourceClass()) && "pacemaker".equals(p.provider()) && "remote".equals(p.type());
  }

  /** The implicit connection resource of a guest node: no parameters, monitored every 30 s. */
  Primitive implicitConnection() {
    Op monitor = new Op(node + "-monitor-interval-30s", "monitor", "30s", null, "30s", List.of(), List.of(),
        Extras.NONE);
    return new Primitive(node, "ocf", "pacemaker", "remote", null, null, List.of(), List.of(), List.of(),
        Operations.of(List.of(monitor)), Extras.NONE);
  }

  /**
   * Settles each remote and guest node's state from its connection (and container): online
   * while they run without a failure. A remote node whose connection failed, or that is down
   * while it has never been seen or still has resources active, is unclean: what runs there is
   * unknown until it is fenced or reconnected.
   */
  static void settle(Map<String, NodeStatus> nodes, List<RemoteLink> links, List<ResourceState> resources, Cib cib) {
    if (links.isEmpty() && nodes.values().stream().noneMatch(n -> n.kind() == NodeStatus.Kind.REMOTE)) {
      return;
    }
    Map<String, ResourceState> byId = new HashMap<>();
    Set<String> busy = new HashSet<>();
    for (ResourceState r : resources) {
      byId.put(r.id(), r);
      busy.addAll(r.activeNodes());
    }
    Set<String> linked = new HashSet<>();
    links.forEach(l -> linked.add(l.node()));
    for (NodeStatus n : List.copyOf(nodes.values())) {
      if (n.kind() == NodeStatus.Kind.REMOTE && !linked.contains(n.name())) {
        // a remote node nothing connects to is down; what it ran is unknown while it stays down
        nodes.put(n.name(), new NodeStatus(n.name(), n.id(), n.kind(), false, busy.contains(n.name()), null,
            false, n.standby(), n.maintenance(), n.shutdown(), n.expectedUp(), n.attributes()));
      }
    }
    for (RemoteLink l : links) {
      NodeStatus n = nodes.get(l.node());
      if (n == null || n.kind() == NodeStatus.Kind.CLUSTER) {
        continue;
      }
      ResourceState conn = byId.get(l.connection());
      boolean connActive = conn != null && !conn.activeNodes().isEmpty();
      boolean connFailed = connActive && conn.failed();
      boolean online = connActive && !connFailed;
      if (l.container() != null) {
        ResourceState container = byId.get(l.container());
        // a guest whose container's host is gone is gone with it
        online &= container != null && !container.activeNodes().isEmpty() && !container.failed()
            && container.activeNodes().stream().allMatch(h -> nodes.get(h) == null || nodes.get(h).online());
      }
      boolean seen = cib.status().nodeState(n.id()).isPresent();
      // a connection that failed to start never reached the node: only what ran there is in doubt
      boolean lostConnection = connFailed && !failedStarting(conn);
      boolean unclean = l.kind() == NodeStatus.Kind.REMOTE
          && (lostConnection || (!online && (!seen || busy.contains(n.name()))));
      nodes.put(n.name(), new NodeStatus(n.name(), n.id(), n.kind(), online, unclean, null, false, n.standby(),
          n.maintenance(), n.shutdown(), n.expectedUp(), n.attributes()));
    }
  }

  /**
   * A guest whose container's host is offline went down with it, and one whose container is
   * stopped is down too: what was active in the guest failed there, and so did the container
   * (on its lost host) of a guest that ran something.
   */
  static void failGuestsLostWithHost(Map<String, NodeStatus> nodes, List<RemoteLink> links,
      List<ResourceState> resources) {
    for (RemoteLink l : links) {
      NodeStatus guest = nodes.get(l.node());
      if (l.container() == null || guest == null || guest.kind() != NodeStatus.Kind.GUEST || guest.online()) {
        continue;
      }
      int containerAt = indexOf(resources, l.container());
      if (containerAt < 0) {
        continue;
      }
      ResourceState container = resources.get(containerAt);
      List<String> hosts = container.activeNodes();
      // a guest whose container is stopped is gone as well: what it still shows active failed
      if (!hosts.isEmpty() && hosts.stream().anyMatch(h -> nodes.get(h) == null || nodes.get(h).online())) {
        continue;
      }
      boolean ranSomething = false;
      for (int i = 0; i < resources.size(); i++) {
        ResourceState r = resources.get(i);
        NodeHistory h = r.history(l.node());
        if (h != null && h.active()) {
          resources.set(i, r.withHistory(h.failedBy(OnFail.RESTART)));
          ranSomething = true;
        }
      }
      if (ranSomething) {
        for (String host : hosts) {
          container = container.withHistory(container.history(host).failedBy(OnFail.RESTART));
        }
        resources.set(containerAt, container);
      }
    }
  }

  private static int indexOf(List<ResourceState> resources, String id) {
    for (int i = 0; i < resources.size(); i++) {
      if (resources.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether a stopped connection must wait before it is started again: its reconnect_interval
   * has not passed since its last failure. Until then it shows as failed.
   */
  public static boolean awaitingReconnect(ResourceState r, Instant now) {
    if (!r.activeNodes().isEmpty()) {
      return false;
    }
    long ms = reconnectIntervalMs(r, now);
    if (ms <= 0) {
      return false;
    }
    long last = 0;
    for (FailCount f : r.failCounts().values()) {
      last = Math.max(last, f.lastFailure());
    }
    return last > 0 && last * 1000 + ms > now.toEpochMilli();
  }

  /**
   * Whether a connection that failed while active is stopped rather than recovered: with a
   * reconnect_interval it may start again only once that interval has passed after it stopped.
   */
  public static boolean stopsToReconnect(ResourceState r, Instant now) {
    return !r.activeNodes().isEmpty() && r.failed() && reconnectIntervalMs(r, now) > 0;
  }

  /** A connection's reconnect_interval in milliseconds (0 for none, or for other resources). */
  private static long reconnectIntervalMs(ResourceState r, Instant now) {
    Primitive p = r.primitive();
    if (p == null || !isConnectionAgent(p)) {
      return 0;
    }
    String interval = ClusterStatus.firstWins(p.instanceAttributes(), now).get("reconnect_interval");
    return interval == null ? 0 : Durations.parseMillis(interval).orElse(0L);
  }

  /** Whether the resource's latest failure was a start. */
  public static boolean failedStarting(ResourceState r) {
    FailedOperation last = null;
    for (FailedOperation f : r.failedOperations()) {
      if (last == null || f.callId() > last.callId()) {
        last = f;
      }
    }
    return last != null && "start".equals(last.task());
  }
}
