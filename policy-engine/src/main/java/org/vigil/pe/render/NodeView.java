package org.vigil.pe.render;

/**
 * What the node list shows about one node.
 *
 * @param name the node's uname
 * @param kind cluster node, remote node or guest node
 * @param online a member of the cluster (or a connected remote/guest node)
 * @param unclean its state is unknown and it must be fenced
 * @param pending it joined the membership but not yet the controller
 * @param standby it may run no resources
 * @param standbyOnFail put in standby by an {@code on-fail=standby} failure
 * @param maintenance resources on it are left alone
 * @param health the node-health colour
 * @param runsResources some resource is active on it ("standby (with active resources)")
 */
public record NodeView(
    String name,
    Kind kind,
    boolean online,
    boolean unclean,
    boolean pending,
    boolean standby,
    boolean standbyOnFail,
    boolean maintenance,
    Health health,
    boolean runsResources) {

  /** How the node takes part in the cluster. */
  public enum Kind {
    CLUSTER,
    REMOTE,
    GUEST
  }

  /** The node-health colour Pacemaker derives from {@code #health-*} attributes. */
  public enum Health {
    GREEN,
    YELLOW,
    RED
  }

  /** An online cluster node with nothing notable about it. */
  public static NodeView online(String name) {
    return new NodeView(name, Kind.CLUSTER, true, false, false, false, false, false, Health.GREEN, false);
  }

  /** A cluster node that left cleanly. */
  public static NodeView offline(String name) {
    return new NodeView(name, Kind.CLUSTER, false, false, false, false, false, false, Health.GREEN, false);
  }
}
