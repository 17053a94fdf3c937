package org.vigil.pe.status;

import java.util.Map;

/**
 * A node as the scheduler sees it.
 *
 * @param name the uname
 * @param id the node id
 * @param kind cluster member, remote or guest node
 * @param online up and a member (pending and unclean-online nodes count as online)
 * @param unclean must be fenced before its resources can be considered stopped
 * @param fenceReason why it is unclean ({@code node is unclean}, {@code peer is no longer part
 *     of the cluster}, {@code termination was requested}...), null when clean
 * @param pending up but not yet joined: runs nothing
 * @param standby the {@code standby} attribute (or on-fail=standby) keeps resources off it
 * @param maintenance node maintenance: its resources are left alone
 * @param shutdown a shutdown was requested (the {@code shutdown} attribute)
 * @param expectedUp the controller expects it to be a member
 * @param attributes permanent and transient node attributes (transient win), with the
 *     built-ins {@code #uname}, {@code #id}, {@code #kind}, {@code #is_dc}
 */
public record NodeStatus(
    String name,
    String id,
    Kind kind,
    boolean online,
    boolean unclean,
    String fenceReason,
    boolean pending,
    boolean standby,
    boolean maintenance,
    boolean shutdown,
    boolean expectedUp,
    Map<String, String> attributes) {

  public enum Kind {
    CLUSTER,
    REMOTE,
    GUEST
  }

  public NodeStatus {
    attributes = Map.copyOf(attributes);
  }

  /** Whether new resources may be placed here (not counting scores). */
  public boolean canRunResources() {
    return online && !unclean && !pending && !standby && !maintenance && !shutdown;
  }

  public String attribute(String name) {
    return attributes.get(name);
  }

  /** This node, unclean for {@code reason} (unchanged if already unclean). */
  public NodeStatus withFence(String reason) {
    if (unclean) {
      return this;
    }
    return new NodeStatus(name, id, kind, online, true, reason, pending, standby, maintenance, shutdown,
        expectedUp, attributes);
  }

  NodeStatus withStandby() {
    return new NodeStatus(name, id, kind, online, unclean, fenceReason, pending, true, maintenance, shutdown,
        expectedUp, attributes);
  }
}
