package org.vigil.pe.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.cib.model.Node;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.cib.model.Template;
import org.vigil.cib.values.Score;
import org.vigil.pe.status.ClusterStatus;

/**
 * Node capacity and resource utilization under a {@code placement-strategy}. With
 * {@code default} utilization is ignored. Otherwise a node is eligible for a resource only
 * while its remaining capacity covers the resource's utilization, together with that of the
 * not yet assigned resources that must run with it (mandatory colocations, group members);
 * when no allowed node can hold them all, only the most capable allowed node stays eligible.
 * Among equally scored nodes {@code balanced} prefers the most free capacity and
 * {@code minimal} ignores how many resources a node already has.
 */
final class Utilization {
  enum Strategy {
    DEFAULT,
    UTILIZATION,
    MINIMAL,
    BALANCED;

    static Strategy parse(String s) {
      return switch (s == null ? "default" : s.trim().toLowerCase(Locale.ROOT)) {
        case "utilization" -> UTILIZATION;
        case "minimal" -> MINIMAL;
        case "balanced" -> BALANCED;
        default -> DEFAULT;
      };
    }
  }

  private final Model m;
  final Strategy strategy;
  /** Remaining capacity per node index, by attribute name. */
  private final List<Map<String, Integer>> remaining = new ArrayList<>();
  private final Map<Rsc, Map<String, Integer>> required = new HashMap<>();

  Utilization(Model m) {
    this.m = m;
    this.strategy = Strategy.parse(m.state.options().placementStrategy());
    Map<String, Map<String, Integer>> byName = new HashMap<>();
    for (Node n : m.state.cib().configuration().nodes()) {
      String name = n.uname() != null ? n.uname() : n.id();
      byName.put(name, integers(ClusterStatus.firstWins(n.utilization(), m.state.now())));
    }
    for (int i = 0; i < m.nodeCount(); i++) {
      remaining.add(new HashMap<>(byName.getOrDefault(m.nodes.get(i).name(), Map.of())));
    }
  }

  /** Whether utilization plays any part in placement. */
  boolean active() {
    return strategy != Strategy.DEFAULT;
  }

  /** Whether the number of resources already on a node breaks ties between nodes. */
  boolean countsLoad() {
    return strategy != Strategy.MINIMAL;
  }

  /** A primitive's utilization (empty for groups and clones). */
  Map<String, Integer> of(Rsc r) {
    if (!r.isPrimitive() || r.state.primitive() == null) {
      return Map.of();
    }
    return required.computeIfAbsent(r, k -> {
      Primitive p = k.state.primitive();
      List<NvSet> sets = new ArrayList<>(p.utilization());
      Template t = p.template() == null ? null : templates().get(p.template());
      if (t != null) {
        // the template's values apply where the primitive sets none
        sets.addAll(t.definition().utilization());
      }
      return integers(ClusterStatus.firstWins(sets, m.state.now()));
    });
  }

  private Map<String, Template> templates() {
    if (templates == null) {
      templates = new HashMap<>();
      for (Resource r : m.state.cib().configuration().allResources()) {
        if (r instanceof Template t) {
          templates.put(t.id(), t);
        }
      }
    }
    return templates;
  }

  private Map<String, Template> templates;

  /** Takes a primitive's utilization off its assigned node. */
  void consume(Rsc r, int node) {
    if (!active() || node < 0) {
      return;
    }
    Map<String, Integer> left = remaining.get(node);
    of(r).forEach((k, v) -> left.put(k, left.getOrDefault(k, 0) - v));
  }

  /**
   * Bans, in {@code w}, the nodes that cannot hold {@code r} and what must run with it; nodes
   * with a negative score or otherwise unusable ({@code usable}) are not considered.
   */
  void banInsufficient(Rsc r, int[] w, boolean[] usable) {
    if (!active()) {
      return;
    }
    Map<String, Integer> own = of(r);
    Map<String, Integer> all = total(colocatedUnassigned(r));
    boolean anyCapable = false;
    for (int i = 0; i < w.length; i++) {
      if (allowed(i, w, usable) && fits(i, all)) {
        anyCapable = true;
      }
    }
    if (anyCapable) {
      for (int i = 0; i < w.length; i++) {
        if (!fits(i, all)) {
          w[i] = Score.MINUS_INFINITY;
        }
      }
      return;
    }
    int most = -1;
    for (int i = 0; i < w.length; i++) {
      if (allowed(i, w, usable) && (most < 0 || compareFree(i, most) > 0)) {
        most = i;
      }
    }
    for (int i = 0; i < w.length; i++) {
      if (i != most || !fits(i, own)) {
        w[i] = Score.MINUS_INFINITY;
      }
    }
  }

  /** Whether a node still has room for a primitive alone (always, without a strategy). */
  boolean fits(Rsc r, int node) {
    return !active() || fits(node, of(r));
  }

  private static boolean allowed(int i, int[] w, boolean[] usable) {
    return usable[i] && w[i] >= 0;
  }

  private boolean fits(int node, Map<String, Integer> need) {
    Map<String, Integer> left = remaining.get(node);
    for (var e : need.entrySet()) {
      if (e.getValue() > left.getOrDefault(e.getKey(), 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Compares the free capacity of two nodes: positive when {@code i} has more of most
   * attributes, negative when {@code j} has, 0 when even.
   */
  int compareFree(int i, int j) {
    Map<String, Integer> a = remaining.get(i);
    Map<String, Integer> b = remaining.get(j);
    Set<String> names = new TreeSet<>(a.keySet());
    names.addAll(b.keySet());
    int balance = 0;
    for (String k : names) {
      balance += Integer.signum(Integer.compare(a.getOrDefault(k, 0), b.getOrDefault(k, 0)));
    }
    return balance;
  }

  /**
   * The primitive itself and the unassigned primitives tied to it by mandatory colocations
   * (either way, transitively, whole groups included).
   */
  private Set<Rsc> colocatedUnassigned(Rsc r) {
    Set<Rsc> seen = new LinkedHashSet<>();
    Set<Rsc> prims = new LinkedHashSet<>();
    prims.add(r);
    Deque<Rsc> work = new ArrayDeque<>();
    work.add(r);
    seen.add(r);
    while (!work.isEmpty()) {
      Rsc x = work.poll();
      if (x.isClone()) {
        continue;
      }
      for (Rsc p : x.primitives()) {
        if (!p.assigned) {
          prims.add(p);
        }
      }
      List<Rsc> next = new ArrayList<>();
      for (Rsc s = x; s != null && !s.isClone(); s = s.parent) {
        for (Coloc c : s.asPrimary) {
          if (c.score() >= Score.INFINITY) {
            next.add(c.dependent());
          }
        }
        for (Coloc c : s.asDependent) {
          if (c.score() >= Score.INFINITY) {
            next.add(c.primary());
          }
        }
        if (s.parent != null && s.parent.kind == Rsc.Kind.GROUP) {
          next.add(s.parent);
        }
      }
      for (Rsc y : next) {
        if (!y.assigned && seen.add(y)) {
          work.add(y);
        }
      }
    }
    return prims;
  }

  private Map<String, Integer> total(Set<Rsc> prims) {
    Map<String, Integer> sum = new LinkedHashMap<>();
    for (Rsc p : prims) {
      of(p).forEach((k, v) -> sum.merge(k, v, Integer::sum));
    }
    return sum;
  }

  /**
   * With a placement strategy, one {@code load_stopped_NODE} pseudo-action per node: resources
   * with utilization start on a node only after those leaving it have stopped.
   */
  void orderLoad(Planner p) {
    if (!active()) {
      return;
    }
    List<Rsc> users = new ArrayList<>();
    for (Rsc top : m.tops) {
      for (Rsc r : top.primitives()) {
        if (!of(r).isEmpty()) {
          users.add(r);
        }
      }
    }
    if (users.isEmpty()) {
      return;
    }
    for (int i = m.nodeCount() - 1; i >= 0; i--) {
      Act load = new Act(Act.Type.PSEUDO, null, "load_stopped_" + m.nodes.get(i).name(), 0, -1);
      load.required = true;
      p.acts.add(load);
      for (Rsc r : users) {
        for (Act stop : p.stops.get(r)) {
          if (stop.node == i) {
            p.edge(stop, load, 0);
          }
        }
        Act start = p.starts.get(r);
        if (start.node == i) {
          p.edge(load, start, 0);
        }
      }
    }
  }

  private static Map<String, Integer> integers(Map<String, String> values) {
    Map<String, Integer> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      try {
        out.put(k, Integer.parseInt(v.trim()));
      } catch (NumberFormatException e) {
        out.put(k, 0);
      }
    });
    return out;
  }
}
