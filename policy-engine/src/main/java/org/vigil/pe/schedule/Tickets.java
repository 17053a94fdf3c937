package org.vigil.pe.schedule;

import org.vigil.cib.model.Role;
import org.vigil.cib.values.Score;
import org.vigil.pe.status.NodeHistory;
import org.vigil.pe.status.TicketLoss;

/**
 * Turns lost tickets into placement bans: a resource may not run (or not be promoted) where
 * its ticket forbids it. Fencing for loss-policy=fence is decided with the node states
 * ({@link TicketLoss}); here the resource is only kept off every node.
 */
final class Tickets {
  private Tickets() {}

  static void apply(Model m) {
    for (TicketLoss loss : TicketLoss.of(m.state.cib())) {
      for (Rsc r : m.resolve(loss.ref())) {
        apply(m, r, loss);
      }
    }
  }

  private static void apply(Model m, Rsc r, TicketLoss loss) {
    boolean promotedOnly = loss.promotedOnly() && loss.effect() != TicketLoss.Effect.STOP;
    Role banned = promotedOnly ? Role.PROMOTED : null;
    for (int i = 0; i < m.nodes.size(); i++) {
      boolean keep = loss.effect() == TicketLoss.Effect.FREEZE && activeOn(r, m.nodes.get(i).name(), promotedOnly);
      if (!keep) {
        m.addLocation(r, banned, i, Score.MINUS_INFINITY);
      }
    }
  }

  /** Whether one of its primitives is active on the node (in the Promoted role, if asked). */
  private static boolean activeOn(Rsc r, String node, boolean promoted) {
    for (Rsc p : r.primitives()) {
      NodeHistory h = p.state.history(node);
      if (h != null && h.active() && (!promoted || h.role() == Role.PROMOTED)) {
        return true;
      }
    }
    return false;
  }
}
