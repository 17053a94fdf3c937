package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cib.values.Score;
import org.vigil.pe.status.NodeStatus;
import org.vigil.pe.status.RemoteLink;
import org.vigil.pe.status.ResourceState;

/**
 * Remote and guest nodes in scheduling: a node that lives while its connection resource runs
 * (and, for a guest, its container). Connections are placed before everything else; a remote
 * node takes resources only while its connection will run; actions there follow the
 * connection's start and precede its stop; a node whose connection is lost with resources
 * still active there is fenced (a guest by stopping its container).
 */
final class RemoteNodes {
  /**
   * One remote or guest node in the model.
   *
   * @param node the node's index
   * @param connection its connection resource
   * @param container a guest's container, null for a remote node
   * @param inBundle a bundle replica's guest node
   */
  record Link(int node, Rsc connection, Rsc container, boolean inBundle) {
    boolean guest() {
      return container != null;
    }
  }

  private final Model m;
  final List<Link> links = new ArrayList<>();
  /** The link of each node (null for cluster nodes), and of each connection: asked per resource and node. */
  private final Link[] linkByNode;
  private final Map<Rsc, Link> linkByConnection = new HashMap<>();

  RemoteNodes(Model m) {
    this.m = m;
    for (RemoteLink l : RemoteLink.of(m.state.cib(), m.state.now())) {
      Integer idx = m.nodeIndex.get(l.node());
      Rsc conn = m.byId.get(l.connection());
      if (idx == null || conn == null || !conn.isPrimitive() || m.nodes.get(idx).kind() == NodeStatus.Kind.CLUSTER) {
        continue;
      }
      Rsc container = l.container() == null ? null : m.byId.get(l.container());
      links.add(new Link(idx, conn, container, l.inBundle()));
    }
    linkByNode = new Link[m.nodes.size()];
    for (Link l : links) {
      if (linkByNode[l.node] == null) {
        linkByNode[l.node] = l;
      }
      linkByConnection.putIfAbsent(l.connection, l);
    }
  }

  /** A guest's connection runs with its container, starts after it and stops before it. */
  void addConstraints() {
    for (Link l : links) {
      if (l.guest() && l.container.isPrimitive()) {
        m.colocate("remote-node:" + l.connection.id, l.connection, l.container, Score.INFINITY, null, null, null);
        m.order("remote-node:" + l.connection.id, l.container, "start", l.connection, "start",
            Ordering.Kind.MANDATORY, true);
      }
    }
  }

  /**
   * The nodes a connection colocated with {@code where} may run on: a remote node among them
   * stands for the cluster node its own connection is placed on (a bundle's container on a
   * remote node is reached through that node's host).
   */
  boolean[] connectionHosts(boolean[] where) {
    boolean[] out = where.clone();
    for (Link l : links) {
      if (!l.guest() && where[l.node]) {
        out[l.node] = false;
        if (l.connection.node >= 0) {
          out[l.connection.node] = true;
        }
      }
    }
    return out;
  }

  /**
   * Whether the resource is a bundle replica's connection whose container has no place: it is
   * then placed on its own, and its start waits for the container's, which cannot happen.
   */
  boolean containerUnplaced(Rsc connection) {
    Link l = linkOfConnection(connection);
    return l != null && l.inBundle && l.container.assigned && l.container.node < 0;
  }

  /**
   * Where the container of the guest {@code node} is placed: -1 when the node is not a guest,
   * -2 when its container has no place.
   */
  int containerHost(int node) {
    Link l = linkOf(node);
    if (l == null || !l.guest() || !l.container.isPrimitive()) {
      return -1;
    }
    return l.container.node >= 0 ? l.container.node : -2;
  }

  /** Whether the node is a bundle replica's guest whose container was given no place. */
  boolean replicaDown(int node) {
    Link l = linkOf(node);
    return l != null && l.inBundle && l.container.assigned && l.container.node < 0;
  }

  /** Whether the resource is the connection of a guest node that is not a bundle replica. */
  boolean isGuestConnection(Rsc r) {
    Link l = linkOfConnection(r);
    return l != null && l.guest() && !l.inBundle;
  }

  Link linkOfConnection(Rsc r) {
    return linkByConnection.get(r);
  }

  Link linkOf(int node) {
    return linkByNode[node];
  }

  boolean isConnection(Rsc r) {
    return linkByConnection.containsKey(r);
  }

  boolean isContainer(Rsc r) {
    for (Link l : links) {
      if (l.container == r) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the resource may not run on a node of {@code kind}: connections, guests' containers
   * and fencing devices need a cluster node; a bundle's container may also run on a remote
   * node (guests do not nest).
   */
  boolean keptOff(Rsc r, NodeStatus.Kind kind) {
    if (kind == NodeStatus.Kind.CLUSTER || !r.isPrimitive()) {
      return false;
    }
    if (r.state.primitive() != null && "stonith".equals(r.state.primitive().resourceClass())) {
      return true;
    }
    if (links.isEmpty()) {
      return false;
    }
    for (Link l : links) {
      if (l.connection == r || (l.container == r && (!l.inBundle || kind == NodeStatus.Kind.GUEST))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the resource is kept off the node because the node is a bundle replica's guest
   * and the resource is not that bundle's primitive.
   */
  boolean bundleOnly(int node, Rsc r) {
    Link l = linkOf(node);
    if (l == null || !l.inBundle) {
      return false;
    }
    Rsc clone = r.enclosingClone();
    return clone == null || !m.bundleChildClones.contains(clone);
  }

  /** Whether the node is a bundle replica's guest (nothing is probed there). */
  boolean inBundle(int node) {
    Link l = linkOf(node);
    return l != null && l.inBundle;
  }

  /**
   * Whether a failed connection must wait before it is started again: it failed while active
   * and has a reconnect_interval, or its reconnect_interval has not passed since its last
   * failure.
   */
  boolean awaitingReconnect(Rsc r) {
    return isConnection(r) && (RemoteLink.awaitingReconnect(r.state, m.state.now())
        || RemoteLink.stopsToReconnect(r.state, m.state.now()));
  }

  /** Whether a remote or guest node can take resources, once its connection has been placed. */
  boolean usable(Link l) {
    NodeStatus n = m.nodes.get(l.node);
    if (n.standby() || n.maintenance() || n.shutdown()) {
      return false;
    }
    if (l.inBundle) {
      // only the replica's own instance may go there; when the replica cannot run, that
      // instance's start is blocked by the connection's or the container's
      return true;
    }
    if (l.connection.node < 0) {
      return false;
    }
    return l.guest() || !connectionFailed(l);
  }

  /**
   * Whether the scheduler can probe a node: a cluster node while online, a remote node while
   * its connection will run, a guest node only while it is up and its container stays where it
   * runs (a guest that is starting or moving comes up with nothing to probe for).
   */
  boolean probeable(int node) {
    NodeStatus n = m.nodes.get(node);
    if (n.kind() == NodeStatus.Kind.CLUSTER) {
      return n.online();
    }
    Link l = linkOf(node);
    if (l == null) {
      return n.online();
    }
    if (l.guest() && l.container.isPrimitive()) {
      List<String> hosts = l.container.state.activeNodes();
      return n.online() && l.connection.node >= 0 && hosts.size() == 1 && l.container.node >= 0
          && hosts.get(0).equals(m.nodes.get(l.container.node).name());
    }
    return l.connection.node >= 0;
  }

  static boolean connectionFailed(Link l) {
    ResourceState c = l.connection.state;
    return !c.activeNodes().isEmpty() && c.failed();
  }

  /**
   * After placement: which remote and guest nodes are fenced. A remote node whose connection
   * failed is; one that is down with resources active there is only when its connection cannot
   * be started again; a running one when its connection is lost with its host. A guest is when
   * its container failed or its container's host is fenced. The others are clean from here on.
   */
  void decideFencing() {
    for (Link l : links) {
      NodeStatus n = m.nodes.get(l.node);
      String reason = l.guest() ? guestReason(l, n) : remoteReason(l, n);
      NodeStatus settled = withFence(n, reason);
      m.nodes.set(l.node, settled);
    }
  }

  private String remoteReason(Link l, NodeStatus n) {
    String active = firstActive(n.name());
    if (connectionFailed(l)) {
      if (!RemoteLink.failedStarting(l.connection.state)) {
        return "remote connection is unrecoverable";
      }
      // a connection that never came up leaves what the node last ran there in doubt
      if (active != null) {
        return active + " is thought to be active there";
      }
      return l.connection.node < 0 ? "the connection is unrecoverable" : null;
    }
    if (n.unclean()) {
      if (l.connection.node >= 0 || active == null) {
        return null;
      }
      return active + " is active there (fencing will be revoked if remote connection can be re-established elsewhere)";
    }
    if (n.online() && l.connection.node < 0 && hostFenced(l.connection)) {
      if (active != null) {
        return "resources are active but connection is unrecoverable";
      }
      if (historyUnknown(n)) {
        return "resources are in unknown state and connection is unrecoverable";
      }
    }
    return null;
  }

  private String guestReason(Link l, NodeStatus n) {
    ResourceState c = l.container.state;
    boolean hostFenced = !c.activeNodes().isEmpty() && hostFenced(l.container);
    // a failed connection loses the guest as surely as a failed container; so does a container
    // found stopped under a running connection while something still ran in the guest
    boolean containerGone = c.activeNodes().isEmpty() && !l.connection.state.activeNodes().isEmpty()
        && firstActive(n.name()) != null;
    boolean containerLost = !c.activeNodes().isEmpty() && c.failed() || hostFenced || connectionFailed(l)
        || containerGone;
    if (containerLost) {
      return "guest is unclean";
    }
    return null;
  }

  private boolean hostFenced(Rsc r) {
    for (String node : r.state.activeNodes()) {
      if (m.willBeFenced(node)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the status holds no resource history for the node at all (not even an empty one). */
  private boolean historyUnknown(NodeStatus n) {
    return m.state.cib().status().nodeStates().stream()
        .filter(ns -> n.id().equals(ns.id()) || n.name().equals(ns.uname()))
        .allMatch(ns -> ns.lrm() == null);
  }

  /** The first resource (in configuration order) active on the node, or null. */
  private String firstActive(String node) {
    for (ResourceState r : m.state.resources()) {
      if (r.activeNodes().contains(node)) {
        return r.id();
      }
    }
    return null;
  }

  /** The node, fenced for {@code reason}, or clean when the reason is null. */
  private static NodeStatus withFence(NodeStatus n, String reason) {
    return new NodeStatus(n.name(), n.id(), n.kind(), n.online(), reason != null, reason, n.pending(), n.standby(),
        n.maintenance(), n.shutdown(), n.expectedUp(), n.attributes());
  }
}
