package org.vigil.pe.render;

import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Node;
import org.vigil.cib.model.NodeState;

/**
 * The facts of crm_mon's "Cluster Summary" that do not come from the resource status: the
 * stack, the DC and quorum, and who changed the CIB last. A live daemon supplies them; {@link
 * #fromCib} reads what a CIB file records.
 *
 * @param stack {@code corosync}, {@code unknown}...
 * @param dcName the DC's node name, or null when there is none
 * @param dcVersion the DC's software version, or null when unknown
 * @param withQuorum whether the DC's partition has quorum
 * @param lastWritten {@code cib-last-written} as recorded, or null
 * @param updateUser {@code update-user}, or null
 * @param updateClient {@code update-client}, or null
 * @param updateOrigin {@code update-origin}, or null
 */
public record ClusterSummary(
    String stack,
    String dcName,
    String dcVersion,
    boolean withQuorum,
    String lastWritten,
    String updateUser,
    String updateClient,
    String updateOrigin) {

  /** What crm_mon shows for a CIB file: DC from {@code dc-uuid}, quorum from {@code have-quorum}. */
  public static ClusterSummary fromCib(Cib cib) {
    String stack = cib.configuration().property("cluster-infrastructure").orElse("unknown");
    String dcUuid = cib.attr("dc-uuid");
    String dcName = null;
    if (dcUuid != null) {
      dcName = cib.configuration().nodes().stream().filter(n -> dcUuid.equals(n.id())).map(Node::uname)
          .findFirst()
          .orElseGet(() -> cib.status().nodeStates().stream().filter(n -> dcUuid.equals(n.id()))
              .map(NodeState::uname).findFirst().orElse(null));
    }
    return new ClusterSummary(stack, dcName, cib.configuration().property("dc-version").orElse(null),
        cib.haveQuorum(), cib.attr("cib-last-written"), cib.attr("update-user"), cib.attr("update-client"),
        cib.attr("update-origin"));
  }
}
