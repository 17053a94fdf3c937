package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vigil.pe.AllocationScores;

/**
 * Passes the node scores the {@link Allocator} works out on to an {@link AllocationScores}
 * ({@code crm_simulate -s}); records nothing without one. Nodes are listed by name, as
 * crm_simulate lists them, and only those the resource may consider at all: every node in a
 * symmetric cluster, else those its (or its parents') constraints name; a bundle's guest
 * nodes only for what runs in the bundle and the bundles' containers and connections. Orphans (resources gone from the configuration) have
 * no scores.
 */
final class ScoreLog {
  private final Model m;
  private final AllocationScores out;
  private final List<Integer> byName;

  ScoreLog(Model m, AllocationScores out) {
    this.m = m;
    this.out = out;
    List<Integer> nodes = new ArrayList<>();
    for (int i = 0; i < m.nodeCount(); i++) {
      nodes.add(i);
    }
    nodes.sort(Comparator.comparing(i -> m.nodes.get(i).name()));
    this.byName = nodes;
  }

  /** Whether scores are wanted (callers skip working out what only the log needs). */
  boolean on() {
    return out != null;
  }

  void allocation(AllocationScores.Stage stage, Rsc r, int[] w) {
    if (out == null || r.isPrimitive() && r.state.orphan()) {
      return;
    }
    boolean symmetric = m.state.options().symmetricCluster();
    boolean bundleMember = bundleMember(r);
    for (int i : byName) {
      if ((symmetric || mentioned(r, i)) && (bundleMember || !m.remotes.bundleOnly(i, r))) {
        out.allocation(stage, r.id, m.nodes.get(i).name(), w[i]);
      }
    }
  }

  /** The promotion score of an instance on the node it was assigned ("none" for none). */
  void promotion(Rsc instance, int score) {
    if (out != null) {
      out.promotion(instance.id, instance.node >= 0 ? m.nodes.get(instance.node).name() : "none", score);
    }
  }

  /** A bundle replica's container or connection (listed with every bundle's guest nodes). */
  private boolean bundleMember(Rsc r) {
    for (RemoteNodes.Link l : m.remotes.links) {
      if (l.inBundle() && (l.connection() == r || l.container() == r)) {
        return true;
      }
    }
    return false;
  }

  private boolean mentioned(Rsc r, int node) {
    for (Rsc s = r; s != null; s = s.parent) {
      boolean[] mentioned = m.mentioned.get(s);
      if (mentioned != null && mentioned[node]) {
        return true;
      }
    }
    return false;
  }
}
