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

  /** A write a client asked for (replace, update or delete), with who asked, from where and when. */
  record Client(Request request, Stamp stamp) implements CibOp {
    public Client {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(stamp, "stamp");
      if (request instanceof Request.Query || request instanceof Request.Status) {
        throw new IllegalArgumentException("not a write: " + request);
      }
    }
  }

  /**
   * What a write records in the {@code cib} element when it changes the CIB, as Pacemaker's
   * {@code cib-last-written}, {@code update-user}, {@code update-client} and {@code update-origin}
   * (crm_mon's "Last change: ... by USER via CLIENT on NODE"). Carried with the write, so every
   * member records the same values.
   *
   * @param user        the local user who sent it (from the socket's peer credentials), or empty
   * @param client      the program ("crm")
   * @param origin      the node whose socket it came in on
   * @param epochSecond when that node received it
   */
  record Stamp(String user, String client, String origin, long epochSecond) {
    public Stamp {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(origin, "origin");
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
