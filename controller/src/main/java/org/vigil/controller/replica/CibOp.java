package org.vigil.controller.replica;

import java.util.List;
import java.util.Objects;
import org.vigil.controller.transition.StatusChange;
import org.vigil.protocol.Request;

/**
 * One change to the replicated CIB, as the DC orders it. The DC and every member apply the same
 * operations to the same CIB with {@link CibOps#apply}, a pure function, so a commit carries the
 * operations (the patch) rather than the whole CIB.
 */
public sealed interface CibOp {

  /** A write a client asked for (replace, update or delete). */
  record Client(Request request) implements CibOp {
    public Client {
      Objects.requireNonNull(request, "request");
      if (request instanceof Request.Query || request instanceof Request.Status) {
        throw new IllegalArgumentException("not a write: " + request);
      }
    }
  }

  /**
   * The membership as the DC sees it, recorded in the status section (node_state) and the
   * {@code cib} element (dc-uuid, have-quorum); members missing from the configuration's node
   * list are added to it, as Pacemaker does when a node first joins.
   */
  record MembershipStatus(String dcId, boolean quorate, List<NodeEntry> nodes) implements CibOp {
    public MembershipStatus {
      Objects.requireNonNull(dcId, "dcId");
      nodes = List.copyOf(nodes);
    }
  }

  /** Results of the DC's transitions for the status section, applied in order ({@link StatusChange#applyTo}). */
  record Status(List<StatusChange> changes) implements CibOp {
    public Status {
      changes = List.copyOf(changes);
    }
  }

  /** A node's membership attributes, with Pacemaker's values ("true"/"false", "online"/"offline", "member"/"down"). */
  record NodeEntry(String id, String uname, boolean member, String expected) {
    public NodeEntry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(uname, "uname");
      Objects.requireNonNull(expected, "expected");
    }
  }
}
