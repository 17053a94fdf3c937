package org.vigil.pe.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Constraint;
import org.vigil.cib.model.ResourceSet;
import org.vigil.cib.model.Role;
import org.vigil.cib.model.Tag;
import org.vigil.cib.model.TicketConstraint;
import org.vigil.cib.model.TicketState;
import org.vigil.cib.values.Booleans;

/**
 * What {@code rsc_ticket} constraints demand while their ticket is lost: not granted (absent
 * from the status counts as not granted) or granted but in standby.
 *
 * <p>A revoked ticket applies the constraint's loss-policy. A ticket in standby is a controlled
 * hand-over: fence and freeze soften to demote (which, for anything but the Promoted role, is a
 * stop).
 *
 * @param ref the resource (or tag) the constraint names
 * @param role the role that depends on the ticket; null for any role
 * @param effect what happens to it
 * @param constraintId the constraint, for messages
 */
public record TicketLoss(String ref, Role role, Effect effect, String constraintId) {

  /** The loss policies. */
  public enum Effect {
    /** May not run anywhere. */
    STOP,
    /** May not be promoted; without the Promoted role, may not run. */
    DEMOTE,
    /** The nodes where it is active in the role are fenced, and it may not run there. */
    FENCE,
    /** Stays where it is active in the role, may not be placed anywhere else. */
    FREEZE;

    static Effect parse(String policy) {
      if (policy == null) {
        return STOP;
      }
      return switch (policy.toLowerCase(Locale.ROOT)) {
        case "demote" -> DEMOTE;
        case "fence" -> FENCE;
        case "freeze" -> FREEZE;
        default -> STOP;
      };
    }
  }

  static final String FENCE_REASON = "deadman ticket was lost";

  /** Whether it concerns only the Promoted role (otherwise every role). */
  public boolean promotedOnly() {
    return role == Role.PROMOTED;
  }

  /** The demands of every constraint whose ticket is lost, in configuration order. */
  public static List<TicketLoss> of(Cib cib) {
    List<TicketLoss> out = new ArrayList<>();
    for (Constraint c : cib.configuration().constraints()) {
      if (!(c instanceof TicketConstraint t) || t.ticket() == null) {
        continue;
      }
      TicketState ts = ticket(cib, t.ticket());
      boolean granted = ts != null && Booleans.isTrue(ts.granted(), false);
      boolean standby = ts != null && Booleans.isTrue(ts.standby(), false);
      if (granted && !standby) {
        continue;
      }
      Effect effect = Effect.parse(t.lossPolicy());
      if (granted && (effect == Effect.FENCE || effect == Effect.FREEZE)) {
        effect = Effect.DEMOTE;
      }
      if (t.sets().isEmpty()) {
        if (t.rsc() != null) {
          out.add(new TicketLoss(t.rsc(), Role.parse(t.rscRole()).orElse(null), effect, t.id()));
        }
        continue;
      }
      for (ResourceSet set : t.sets()) {
        Role role = Role.parse(set.role()).orElse(null);
        for (String ref : set.resources()) {
          out.add(new TicketLoss(ref, role, effect, t.id()));
        }
      }
    }
    return out;
  }

  private static TicketState ticket(Cib cib, String id) {
    if (cib.status() == null) {
      return null;
    }
    for (TicketState ts : cib.status().tickets()) {
      if (id.equals(ts.id())) {
        return ts;
      }
    }
    return null;
  }

  /**
   * The cluster with the nodes marked unclean where a resource whose ticket was lost with
   * loss-policy=fence is active in the role the ticket guards. A scheduling decision, not
   * part of the status as it is shown: only the scheduler applies it.
   */
  public static ClusterState fenceNodes(ClusterState state) {
    if (!state.options().stonithEnabled()) {
      return state;
    }
    Cib cib = state.cib();
    Map<String, NodeStatus> nodes = state.nodesByName();
    for (TicketLoss loss : of(cib)) {
      if (loss.effect != Effect.FENCE) {
        continue;
      }
      List<String> refs = expand(cib, loss.ref);
      for (ResourceState r : state.resources()) {
        String template = r.primitive() == null ? null : r.primitive().template();
        if (!refs.contains(r.baseId()) && !refs.contains(r.id()) && !refs.contains(r.groupId())
            && !refs.contains(r.cloneId()) && !refs.contains(template)) {
          continue;
        }
        for (NodeHistory h : r.histories().values()) {
          NodeStatus n = nodes.get(h.node());
          if (n != null && h.active() && (!loss.promotedOnly() || h.role() == Role.PROMOTED)) {
            nodes.put(n.name(), n.withFence(FENCE_REASON));
          }
        }
      }
    }
    return new ClusterState(cib, state.now(), state.options(), state.haveQuorum(), state.dcNode(),
        List.copyOf(nodes.values()), state.resources());
  }

  /** A reference and, if it names a tag, the tag's members (a template is matched on each primitive). */
  private static List<String> expand(Cib cib, String ref) {
    List<String> out = new ArrayList<>(List.of(ref));
    for (Tag t : cib.configuration().tags()) {
      if (t.id().equals(ref)) {
        out.addAll(t.refs());
      }
    }
    return out;
  }
}
