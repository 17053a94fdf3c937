package org.vigil.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vigil.cib.model.CibVersion;

/**
 * One node's view of its cluster, what {@code crm status} and {@code crm cluster quorum} print
 * besides the CIB.
 *
 * @param clusterName  the configured cluster name
 * @param localNode    the node that answered
 * @param dc           the designated controller of its partition, empty before the first membership
 * @param quorate      whether the partition has quorum
 * @param ringId       the membership's identity ("1.5")
 * @param nodes        every configured node, in node list order
 * @param cibVersion   the version of the CIB on the node that answered
 * @param cibDigest    SHA-256 of that CIB's XML, equal on nodes that hold the same CIB
 * @param quorumReport the quorum state in corosync-quorumtool -s layout
 */
public record ClusterStatus(
    String clusterName,
    String localNode,
    Optional<String> dc,
    boolean quorate,
    String ringId,
    List<NodeStatus> nodes,
    CibVersion cibVersion,
    String cibDigest,
    String quorumReport) {

  public ClusterStatus {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(localNode, "localNode");
    Objects.requireNonNull(dc, "dc");
    Objects.requireNonNull(ringId, "ringId");
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(cibVersion, "cibVersion");
    Objects.requireNonNull(cibDigest, "cibDigest");
    Objects.requireNonNull(quorumReport, "quorumReport");
  }

  /** The configured nodes that are members of this partition. */
  public List<String> members() {
    return nodes.stream().filter(NodeStatus::member).map(NodeStatus::name).toList();
  }

  /**
   * One configured node.
   *
   * @param member whether it is in the partition of the node that answered
   */
  public record NodeStatus(String name, int id, int votes, boolean member) {
    public NodeStatus {
      Objects.requireNonNull(name, "name");
    }
  }
}
