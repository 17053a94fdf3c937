package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.cib.model.Role;
import org.vigil.cib.values.Booleans;
import org.vigil.cib.values.Score;
import org.vigil.pe.AllocationScores;
import org.vigil.pe.status.ClusterOptions;
import org.vigil.pe.status.Migrations;
import org.vigil.pe.status.NodeHistory;
import org.vigil.pe.status.NodeStatus;
import org.vigil.pe.status.ResourceState;
import org.vigil.pe.status.ShutdownLock;

/**
 * Node scores and assignment. Every resource starts from its location scores (plus
 * stickiness where it runs, bans for failures and unusable nodes); resources are assigned in
 * priority order, each after the resources it is colocated with; a resource's score also
 * takes in the preferences of the resources colocated with it (scaled by the colocation
 * score), unless that would leave it nowhere to run. The best node wins; ties go to the node
 * where it runs now, then to the node with fewer resources assigned, then to configuration order.
 */
final class Allocator {
  private final Model m;
  private final int n;
  private final int[] load;
  private final boolean[] usable;
  private final ClusterOptions options;
  private final Utilization utilization;
  /** What each node's health adds to the resources placed there. */
  private final int[] health;
  /** Nothing may run (stop-all-resources). */
  private final boolean stopAll;
  /** The scores resources are assigned from, for crm_simulate -s. */
  private final ScoreLog scores;
  /** Working out scores to show: nodes that cannot run resources now keep their scores. */
  private boolean ignoringUsability;
  /**
   * The nodes with room for the clone instance being kept where it runs (assigned with its own
   * node alone allowed): its scores are shown over these, as crm_simulate shows them.
   */
  private boolean[] shownRoom;

  private OutdatedFailures outdatedFailures;

  private OutdatedFailures outdatedFailures() {
    if (outdatedFailures == null) {
      outdatedFailures = new OutdatedFailures(m);
    }
    return outdatedFailures;
  }

  Allocator(Model m) {
    this(m, null);
  }

  /** An allocator that also records the scores it assigns from into {@code scores} (unless null). */
  Allocator(Model m, AllocationScores scores) {
    this.m = m;
    this.scores = new ScoreLog(m, scores);
    this.n = m.nodeCount();
    this.load = new int[n];
    this.usable = new boolean[n];
    this.options = m.state.options();
    for (int i = 0; i < n; i++) {
      // remote and guest nodes wait for their connections to be placed
      usable[i] = m.nodes.get(i).kind() == NodeStatus.Kind.CLUSTER && m.nodes.get(i).canRunResources();
    }
    stopAll = options.stopAllResources();
    utilization = new Utilization(m);
    health = NodeHealth.scores(m);
  }

  /**
   * Assigns resources by priority, in configuration order among equals. With a placement
   * strategy, resources of equal priority are taken by their hold on their current node, then
   * by their scores on the preferred nodes.
   */
  void run() {
    // connections go first, in configuration order, remote nodes' before guests' (a bundle's
    // container may run on a remote node); then those nodes open and the rest follow
    List<Rsc> connections = new ArrayList<>();
    for (boolean guests : new boolean[] {false, true}) {
      List<Rsc> phase = new ArrayList<>();
      for (RemoteNodes.Link l : m.remotes.links) {
        if (l.guest() == guests && m.tops.contains(l.connection()) && !connections.contains(l.connection())
            && !phase.contains(l.connection())) {
          phase.add(l.connection());
        }
      }
      phase.sort(Comparator.comparingInt(r -> r.order));
      for (Rsc r : phase) {
        assign(r);
      }
      connections.addAll(phase);
      openRemoteNodes();
    }
    List<Rsc> order = new ArrayList<>(m.tops);
    order.removeAll(connections);
    Comparator<Rsc> byPriority = Comparator.comparingInt((Rsc r) -> -priority(r));
    if (utilization.active()) {
      java.util.Map<Rsc, Integer> best = new java.util.HashMap<>();
      for (Rsc r : order) {
        best.put(r, bestScore(r));
      }
      byPriority = byPriority.thenComparingInt((Rsc r) -> -best.get(r)).thenComparing(this::byPreferredNodes);
    }
    order.sort(byPriority.thenComparingInt(r -> r.order));
    for (Rsc r : order) {
      assign(r);
    }
  }

  /** Remote and guest nodes take resources once their connections have a place to run. */
  private void openRemoteNodes() {
    if (m.remotes.links.isEmpty()) {
      return;
    }
    for (RemoteNodes.Link l : m.remotes.links) {
      usable[l.node()] = m.remotes.usable(l);
    }
    // base scores computed so far took the remote nodes as unusable
    for (Rsc r : m.byId.values()) {
      if (!r.assigned) {
        r.weights = null;
      }
    }
  }

  /**
   * With a placement strategy, resources otherwise equal are compared by their scores on the
   * nodes taken in order of preference (score, free capacity, load, name): the first node
   * where they differ decides.
   */
  private int byPreferredNodes(Rsc a, Rsc b) {
    if (nodePreference == null) {
      int[] zero = new int[n];
      nodePreference = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        nodePreference.add(i);
      }
      nodePreference.sort((i, j) -> i.equals(j) ? 0 : better(i, j, zero, -1) ? -1 : 1);
    }
    int[] wa = base(leadingPrimitive(a));
    int[] wb = base(leadingPrimitive(b));
    for (int i : nodePreference) {
      if (wa[i] != wb[i]) {
        return wa[i] > wb[i] ? -1 : 1;
      }
    }
    return 0;
  }

  private List<Integer> nodePreference;

  private static Rsc leadingPrimitive(Rsc r) {
    Rsc first = r;
    while (!first.isPrimitive() && !first.children.isEmpty()) {
      first = first.children.get(0);
    }
    return first;
  }

  /**
   * The score a resource has where it runs now, its dependents' preferences included (0 when
   * it runs nowhere): among resources of equal priority, those holding on hardest to their
   * current node are assigned first, those that cannot stay there last.
   */
  private int bestScore(Rsc r) {
    if (r.isClone() && activeNodeCount(r) > 1) {
      return 0;
    }
    Rsc first = r;
    while (!first.isPrimitive() && !first.children.isEmpty()) {
      first = first.children.get(0);
    }
    if (!first.isPrimitive()) {
      return 0;
    }
    int cur = currentNode(first);
    if (cur < 0) {
      // what runs nowhere yet is placed after everything that runs somewhere
      return Score.MINUS_INFINITY;
    }
    if (!usable[cur]) {
      // a lost cluster node counts for nothing; a remote or guest node losing its connection
      // still counts what the resource thinks of it
      return m.nodes.get(cur).kind() == NodeStatus.Kind.CLUSTER ? 0 : scoreWhereItRuns(first, cur);
    }
    int[] w = base(first);
    // a mandatory primary that cannot stay there takes this resource along
    List<Coloc> primaries = new ArrayList<>(first.asDependent);
    for (Rsc p = first.parent; p != null; p = p.parent) {
      primaries.addAll(p.asDependent);
    }
    for (Coloc c : primaries) {
      List<Rsc> prims = c.primary().primitives();
      if (c.score() >= Score.INFINITY && !prims.isEmpty() && base(prims.get(0))[cur] <= Score.MINUS_INFINITY) {
        return Score.MINUS_INFINITY;
      }
    }
    List<Coloc> deps = new ArrayList<>(first.asPrimary);
    for (Rsc p = first.parent; p != null; p = p.parent) {
      deps.addAll(p.asPrimary);
    }
    for (Coloc c : deps) {
      Set<Rsc> visited = new HashSet<>();
      visited.add(first);
      w = mergeDependent(w, c.dependent(), c.score() / (double) Score.INFINITY, visited, c.nodeAttribute());
    }
    return w[cur];
  }

  /**
   * A resource's own preference for the node it runs on (locations and stickiness), whether
   * or not the node can keep it.
   */
  private int scoreWhereItRuns(Rsc r, int cur) {
    int score = 0;
    for (Rsc s : locationSources(r)) {
      int[] loc = m.locations.get(s);
      if (loc != null) {
        score = Score.add(score, loc[cur]);
      }
    }
    if (r.state.managed()) {
      score = Score.add(score, r.meta.stickiness());
    }
    return score;
  }

  /** On how many nodes some primitive of the resource is active. */
  private static long activeNodeCount(Rsc r) {
    return r.primitives().stream().flatMap(p -> p.state.activeNodes().stream()).distinct().count();
  }

  private static int priority(Rsc r) {
    return r.meta == null ? 0 : r.meta.priority();
  }

  // ---- base scores ----

  /** Location, stickiness, failures and node availability, without colocations. */
  int[] base(Rsc r) {
    if (r.weights != null) {
      return r.weights;
    }
    int[] w = new int[n];
    boolean symmetric = options.symmetricCluster();
    boolean[] allowed = new boolean[n];
    // a guest's connection goes wherever its container does, even in an asymmetric cluster
    Arrays.fill(allowed, symmetric || m.remotes.isGuestConnection(r));
    List<Rsc> sources = locationSources(r);
    for (Rsc s : sources) {
      int[] loc = m.locations.get(s);
      if (loc != null) {
        for (int i = 0; i < n; i++) {
          w[i] = Score.add(w[i], loc[i]);
        }
      }
      boolean[] exclusive = m.exclusiveNodes.get(s);
      if (exclusive != null) {
        for (int i = 0; i < n; i++) {
          if (!exclusive[i]) {
            w[i] = Score.MINUS_INFINITY;
          }
        }
      }
    }
    // in an asymmetric cluster a group's locations open their nodes to every member
    for (Rsc s = r; s != null; s = s.parent) {
      boolean[] mentioned = m.mentioned.get(s);
      if (mentioned != null) {
        for (int i = 0; i < n; i++) {
          allowed[i] |= mentioned[i];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (!allowed[i] || !usable[i] && !ignoringUsability || m.remotes.keptOff(r, m.nodes.get(i).kind()) || m.remotes.bundleOnly(i, r)) {
        w[i] = Score.MINUS_INFINITY;
      }
    }
    if (r.isPrimitive()) {
      ResourceState st = r.state;
      // clone instances stick with 1 unless configured otherwise
      int stickiness = r.meta.get("resource-stickiness").isPresent() || r.enclosingClone() == null
          ? r.meta.stickiness() : 1;
      for (NodeHistory h : st.histories().values()) {
        Integer idx = m.nodeIndex.get(h.node());
        if (idx == null) {
          continue;
        }
        if (h.active() && stickiness != 0 && st.managed()) {
          w[idx] = Score.add(w[idx], stickiness);
        }
        if (h.hardError() || h.fatal() || Migrations.failedSource(h)) {
          w[idx] = Score.MINUS_INFINITY;
        }
        if (h.fatal()) {
          Arrays.fill(w, Score.MINUS_INFINITY);
        }
      }
      if (r.inPromotable()) {
        // where an instance runs, its promotion score counts towards keeping it there; a
        // stopped instance is drawn to the nodes with the best promotion scores, a running one
        // only to those where the resource has been seen (probed) and no other instance runs
        List<String> active = st.activeNodes();
        boolean unseen = active.isEmpty() && !seenInStatusOrder(r);
        Siblings siblings = siblings(r);
        for (int i = 0; i < n; i++) {
          boolean drawn = unseen ? usable[i] : active.contains(m.nodes.get(i).name())
              || usable[i] && siblings.probedOn(i) && !siblings.activeOn(i);
          if (drawn) {
            int promotion = promotionAttribute(r, i);
            if (promotion > 0) {
              w[i] = Score.add(w[i], promotion);
            }
          }
        }
      }
      int threshold = r.meta.migrationThreshold();
      if (threshold > 0) {
        // a container counts the failures of what runs inside it as its own
        for (int i = 0; i < n; i++) {
          int inside = m.containers.insideFailCount(r, m.nodes.get(i).name());
          if (inside > 0 && Score.add(r.state.failCount(m.nodes.get(i).name()), inside) >= threshold) {
            w[i] = Score.MINUS_INFINITY;
          }
        }
      }
      Siblings siblings = siblings(r);
      if (threshold > 0) {
        for (Siblings.FailCountOn f : siblings.failCounts()) {
          if (f.count() >= threshold && !outdatedFailures().on(f.state(), f.node())) {
            w[f.node()] = Score.MINUS_INFINITY;
          }
        }
      }
      if (siblings.members.size() > 1) {
        // (its own hard errors already barred their nodes)
        boolean[] hardFailed = siblings.hardFailed();
        for (int i = 0; i < n; i++) {
          if (hardFailed[i]) {
            w[i] = Score.MINUS_INFINITY;
          }
        }
      }
      if (!Booleans.isTrue(r.meta.get("allow-unhealthy-nodes").orElse(null), false)) {
        for (int i = 0; i < n; i++) {
          w[i] = Score.add(w[i], health[i]);
        }
      }
      String locked = ShutdownLock.lockedNode(m.state, st);
      if (locked != null) {
        // a shutdown lock keeps it off every other node (and its own node runs nothing now)
        Arrays.fill(w, Score.MINUS_INFINITY);
      }
      if (st.orphan() || r.meta.targetRole() == Role.STOPPED || st.stoppedByFailure()
          || m.remotes.awaitingReconnect(r)) {
        Arrays.fill(w, Score.MINUS_INFINITY);
      }
    }
    if (r.isClone()) {
      keepOffFailedNodes(r, w);
    }
    r.weights = w;
    return w;
  }

  /**
   * An instance's failures reaching migration-threshold on a node keep the whole clone off it
   * (crm_simulate shows the clone's own score there as -INFINITY).
   */
  private void keepOffFailedNodes(Rsc clone, int[] w) {
    for (Rsc inst : clone.children) {
      if (!inst.isPrimitive()) {
        continue;
      }
      int threshold = inst.meta.migrationThreshold();
      for (var e : inst.state.failCounts().entrySet()) {
        Integer idx = m.nodeIndex.get(e.getKey());
        if (idx != null && threshold > 0 && e.getValue().count() >= threshold
            && !outdatedFailures().on(inst.state, idx)) {
          w[idx] = Score.MINUS_INFINITY;
        }
      }
    }
  }

  /**
   * The instances that stand for the same resource: for an anonymous clone every instance of
   * the primitive (failures on a node count against all of them), else the resource itself.
   */
  private List<Rsc> sameResource(Rsc r) {
    return siblings(r).members;
  }

  /** {@link #sameResource} and what they share, worked out once per resource. */
  private Siblings siblings(Rsc r) {
    Siblings s = siblingsOf.get(r);
    if (s == null) {
      s = findSiblings(r);
      siblingsOf.put(r, s);
    }
    return s;
  }

  private final Map<Rsc, Siblings> siblingsOf = new IdentityHashMap<>();

  private Siblings findSiblings(Rsc r) {
    Rsc clone = r.enclosingClone();
    if (clone == null || Booleans.isTrue(clone.meta.get("globally-unique").orElse(null), false)) {
      return new Siblings(m, List.of(r));
    }
    return siblingsByBase.computeIfAbsent(clone.id + "\u0000" + r.state.baseId(), k -> {
      List<Rsc> out = new ArrayList<>();
      for (Rsc p : clone.primitives()) {
        if (p.state.baseId().equals(r.state.baseId())) {
          out.add(p);
        }
      }
      return new Siblings(m, out);
    });
  }

  private final java.util.Map<String, Siblings> siblingsByBase = new java.util.HashMap<>();

  /**
   * Whether an instance that runs nowhere was given a history when the status was read the way
   * crm_simulate reads it: node by node, each history of an anonymous clone going to the
   * lowest-numbered instance not yet running (so a probe can land on an instance that later
   * turns out to run elsewhere, or on one that stays stopped).
   */
  private boolean seenInStatusOrder(Rsc inst) {
    Siblings siblings = siblings(inst);
    if (siblings.members.size() == 1) {
      return !inst.state.histories().isEmpty();
    }
    Set<Rsc> seen = seenBySiblings.get(siblings);
    if (seen == null) {
      seen = seenInStatusOrder(siblings);
      seenBySiblings.put(siblings, seen);
    }
    return seen.contains(inst);
  }

  /**
   * The instances given a history, node by node: the lowest-numbered one not yet running gets
   * each node's, and runs from then on when one of them is active there.
   */
  private Set<Rsc> seenInStatusOrder(Siblings siblings) {
    List<Rsc> same = siblings.members;
    Set<Rsc> out = new HashSet<>();
    int running = 0;
    for (int i = 0; i < m.nodes.size() && running < same.size(); i++) {
      if (siblings.probedOn(i)) {
        out.add(same.get(running));
        if (siblings.activeOn(i)) {
          running++;
        }
      }
    }
    return out;
  }

  private final Map<Siblings, Set<Rsc>> seenBySiblings = new IdentityHashMap<>();

  /** Whose location constraints apply: its own, its group's (first member only) and its clone's. */
  private List<Rsc> locationSources(Rsc r) {
    List<Rsc> out = new ArrayList<>();
    out.add(r);
    Rsc child = r;
    for (Rsc p = r.parent; p != null; child = p, p = p.parent) {
      if (p.kind == Rsc.Kind.GROUP && p.children.get(0) != child) {
        continue;
      }
      out.add(p);
    }
    return out;
  }

  // ---- assignment ----

  /** The resource whose assignment decides where {@code r} goes: its group, or its clone. */
  private Rsc unit(Rsc r) {
    Rsc u = r;
    if (u.parent != null && u.parent.kind == Rsc.Kind.GROUP) {
      u = u.parent;
    }
    if (u.parent != null && u.parent.isClone()) {
      u = u.parent;
    }
    return u;
  }

  void assign(Rsc r) {
    if (r.assigned || r.assigning) {
      return;
    }
    r.assigning = true;
    switch (r.kind) {
      case PRIMITIVE -> assignPrimitive(r, List.of(r), null);
      case GROUP -> assignGroup(r, null);
      case CLONE -> assignClone(r);
      default -> throw new AssertionError(r);
    }
    r.assigning = false;
    r.assigned = true;
  }

  private void assignGroup(Rsc g, boolean[] restrict) {
    recordGroup(g, restrict);
    for (int i = 0; i < g.children.size(); i++) {
      Rsc c = g.children.get(i);
      List<Rsc> scope = i == 0 ? List.of(c, g) : List.of(c);
      c.assigning = true;
      assignPrimitive(c, scope, restrict);
      c.assigning = false;
      c.assigned = true;
    }
    g.node = g.children.isEmpty() ? -1 : g.children.get(0).node;
    g.nextRole = g.node >= 0 ? Role.STARTED : Role.STOPPED;
  }

  /**
   * A group's own scores and its members', before the members are assigned: nodes that cannot
   * run resources now keep their scores, but a cloned group's instance shows only the nodes
   * with room for it.
   */
  private void recordGroup(Rsc g, boolean[] restrict) {
    if (!scores.on()) {
      return;
    }
    boolean[] room = shownRoom != null ? shownRoom : restrict;
    scores.allocation(AllocationScores.Stage.GROUP, g, shownGroupScores(g, room));
    for (Rsc r : g.children) {
      scores.allocation(AllocationScores.Stage.GROUP, r, shownGroupScores(r, room));
    }
  }

  private int[] shownGroupScores(Rsc r, boolean[] room) {
    if (r.enclosingClone() == null) {
      return shownBase(r);
    }
    int[] w = baseUncached(r).clone();
    for (int i = 0; i < n && room != null; i++) {
      if (!room[i]) {
        w[i] = Score.MINUS_INFINITY;
      }
    }
    return w;
  }

  /** {@link #base} as it stands now, leaving what is cached as it was (recording changes no placement). */
  private int[] baseUncached(Rsc r) {
    if (r.weights != null) {
      return r.weights;
    }
    int[] w = base(r);
    r.weights = null;
    return w;
  }

  /**
   * Assigns a primitive. {@code scope} holds the resources whose colocations count (a group's
   * first member also carries the group's); {@code restrict} marks the nodes a clone instance
   * may still use.
   */
  private void assignPrimitive(Rsc r, List<Rsc> scope, boolean[] restrict) {
    ResourceState st = r.state;
    if (!isManaged(r)) {
      scores.allocation(AllocationScores.Stage.PRIMITIVE, r, shownBase(r));
      List<String> active = st.activeNodes();
      r.node = active.size() == 1 ? m.nodeIndex.getOrDefault(active.get(0), -1) : -1;
      r.nextRole = r.node >= 0 ? st.role() : Role.STOPPED;
      if (r.node >= 0) {
        load[r.node]++;
        utilization.consume(r, r.node);
      }
      return;
    }
    int[] w = placementScores(r, scope, restrict);
    recordPrimitive(r, scope, restrict, w);
    r.node = choose(r, w);
    r.nextRole = r.node >= 0 ? Role.STARTED : Role.STOPPED;
    if (r.node >= 0) {
      load[r.node]++;
      utilization.consume(r, r.node);
    } else if (r.stopReason == null) {
      r.stopReason = "node availability";
    }
  }

  /**
   * The scores a managed primitive is assigned from, as crm_simulate shows them: on a node that
   * cannot run resources now (offline, standby), what the node would score were it available
   * (but a clone instance shows such a node as barred).
   */
  private void recordPrimitive(Rsc r, List<Rsc> scope, boolean[] restrict, int[] w) {
    if (!scores.on()) {
      return;
    }
    int[] shown = shownRoom == null ? w : placementScores(r, scope, shownRoom);
    for (int i = 0; i < n && r.enclosingClone() == null; i++) {
      if (!usable[i]) {
        int[] available = placementScores(r, scope, restrict, shownBase(r));
        shown = w.clone();
        for (int j = 0; j < n; j++) {
          if (!usable[j]) {
            shown[j] = available[j];
          }
        }
        break;
      }
    }
    scores.allocation(AllocationScores.Stage.PRIMITIVE, r, shown);
  }

  /** {@link #base} with the nodes that cannot run resources now scored as if they could (uncached). */
  private int[] shownBase(Rsc r) {
    int[] cached = r.weights;
    r.weights = null;
    ignoringUsability = true;
    try {
      return base(r);
    } finally {
      ignoringUsability = false;
      r.weights = cached;
    }
  }

  /** A managed primitive's final scores: base, colocations both ways, capacity, {@code restrict}. */
  private int[] placementScores(Rsc r, List<Rsc> scope, boolean[] restrict) {
    return placementScores(r, scope, restrict, base(r).clone());
  }

  /** As {@link #placementScores(Rsc, List, boolean[])} from {@code w}, the base scores (changed in place). */
  private int[] placementScores(Rsc r, List<Rsc> scope, boolean[] restrict, int[] w) {
    ResourceState st = r.state;
    if (restrict != null) {
      for (int i = 0; i < n; i++) {
        if (!restrict[i]) {
          w[i] = Score.MINUS_INFINITY;
        }
      }
    }
    for (Rsc s : scope) {
      for (Coloc c : byPrimaryPrecedence(s)) {
        applyColocation(w, c);
      }
    }
    // a group placed with (or kept from) something: every member is; a finite preference
    // counts once, on the first member, which the others follow
    if (r.parent != null && r.parent.kind == Rsc.Kind.GROUP && !scope.contains(r.parent)) {
      for (Coloc c : r.parent.asDependent) {
        if (Math.abs(c.score()) >= Score.INFINITY) {
          applyColocation(w, c);
        }
      }
    }
    // what is placed with a group weighs on every member, not only its first
    List<Rsc> primaries = scope;
    if (r.parent != null && r.parent.kind == Rsc.Kind.GROUP && !scope.contains(r.parent)) {
      primaries = new ArrayList<>(scope);
      primaries.add(r.parent);
    }
    for (Rsc s : primaries) {
      for (Coloc c : s.asPrimary) {
        Set<Rsc> visited = new HashSet<>();
        visited.add(r);
        if (s.isClone()) {
          // what a dependent prefers weighs on every instance; a wish to be with the clone counts
          // only when the clone cannot run everywhere anyway, a wish to be apart always
          if (c.score() < 0 || !coversAvailableNodes(s)) {
            w = mergeDependent(w, c.dependent(), c.score() / (double) Score.INFINITY, visited, c.nodeAttribute());
          }
          continue;
        }
        w = mergeDependent(w, c.dependent(), c.score() / (double) Score.INFINITY, visited, c.nodeAttribute());
      }
    }
    if (stopAll) {
      Arrays.fill(w, Score.MINUS_INFINITY);
    }
    if (st.activeNodes().size() > 1 && r.meta.multipleActive().equals("stop_only")) {
      Arrays.fill(w, Score.MINUS_INFINITY);
    }
    utilization.banInsufficient(r, w, usable);
    return w;
  }

  /**
   * A dependent's colocations apply in the order crm_simulate applies them: primaries of
   * higher priority first, then clones before groups before primitives, then by primary id.
   * The order matters because a finite colocation that would leave no node is rolled back.
   */
  private List<Coloc> byPrimaryPrecedence(Rsc dependent) {
    List<Coloc> colocations = dependent.asDependent;
    if (colocations.size() < 2) {
      return colocations;
    }
    // sorted once per dependent: every instance of a clone asks for its clone's
    List<Coloc> sorted = byPrecedence.get(dependent);
    if (sorted == null) {
      sorted = new ArrayList<>(colocations);
      sorted.sort(Comparator.comparingInt((Coloc c) -> -priority(c.primary()))
          .thenComparing((Coloc c) -> -c.primary().kind.ordinal())
          .thenComparing(c -> c.primary().id));
      byPrecedence.put(dependent, sorted);
    }
    return sorted;
  }

  private final Map<Rsc, List<Coloc>> byPrecedence = new IdentityHashMap<>();

  private boolean isManaged(Rsc r) {
    return m.managed(r);
  }

  /**
   * Applies a colocation in which the resource being assigned is the dependent. A finite one
   * that would leave no node it may run on (score 0 or more) is rolled back, as crm_simulate
   * logs it ("Rolling back scores ... no available nodes").
   */
  private void applyColocation(int[] w, Coloc c) {
    if (c.score() > 0 && c.score() < Score.INFINITY && c.dependent().isClone() && coversAvailableNodes(c.dependent())) {
      // a clone that runs everywhere anyway is drawn nowhere by a finite preference
      return;
    }
    if (Math.abs(c.score()) >= Score.INFINITY) {
      applyColocationScores(w, c);
      return;
    }
    if (towardsEachInstance(c)) {
      for (Rsc inst : c.primary().children) {
        int[] before = w.clone();
        applyTowards(w, c, inst);
        rollBackIfNowhere(w, before);
      }
      return;
    }
    int[] before = w.clone();
    applyColocationScores(w, c);
    rollBackIfNowhere(w, before);
  }

  private static void rollBackIfNowhere(int[] w, int[] before) {
    for (int v : w) {
      if (v >= 0) {
        return;
      }
    }
    System.arraycopy(before, 0, w, 0, w.length);
  }

  /**
   * Whether a finite colocation with a clone counts instance by instance: each instance placed
   * adds the score where it runs, each left with no node takes a positive score off every
   * node, and a step that would leave no node at 0 or more is rolled back on its own
   * (crm_simulate 2.1.5: beside a clone with clone-max above the nodes it can use, a dependent
   * scores 0 next to an instance and -score elsewhere; kept apart from a clone on every node,
   * it keeps the node of the last instance).
   */
  private boolean towardsEachInstance(Coloc c) {
    Rsc primary = c.primary();
    if (!primary.isClone() || c.dependentRole() == Role.PROMOTED && c.dependent().isClone()
        || m.remotes.isConnection(c.dependent()) || m.remotes.containerUnplaced(c.dependent())) {
      return false;
    }
    Role role = c.primaryRole();
    if (role != null && role != Role.STARTED && role != Role.UNKNOWN) {
      return false;
    }
    assign(unit(primary));
    return true;
  }

  private void applyTowards(int[] w, Coloc c, Rsc inst) {
    if (inst.node < 0) {
      if (c.score() < 0 || !inst.primitives().isEmpty() && inst.primitives().get(0).state.orphan()) {
        return;
      }
      for (int i = 0; i < n; i++) {
        w[i] = Score.add(w[i], -c.score());
      }
      return;
    }
    boolean[] where = new boolean[n];
    where[inst.node] = true;
    String attr = c.nodeAttribute();
    boolean[] same = attr == null || attr.equals("#uname") ? where : sameAttribute(where, attr);
    for (int i = 0; i < n; i++) {
      if (same[i]) {
        w[i] = Score.add(w[i], c.score());
      }
    }
  }

  private void applyColocationScores(int[] w, Coloc c) {
    if (c.dependentRole() == Role.PROMOTED && c.dependent().isClone()) {
      return;
    }
    Rsc primary = c.primary();
    Rsc unit = unit(primary);
    assign(unit);
    if (!primary.assigned && !primary.isClone()) {
      return;
    }
    int score = c.score();
    // a mandatory colocation with a group asks for the whole group: its last member placed
    Rsc placed = score >= Score.INFINITY && primary.kind == Rsc.Kind.GROUP && !primary.children.isEmpty()
        ? primary.children.get(primary.children.size() - 1) : primary;
    if (m.remotes.containerUnplaced(c.dependent())) {
      return;
    }
    boolean[] where = nodesOf(placed, c.primaryRole());
    if (score >= Score.INFINITY && placed.isClone()) {
      withoutBlockedInstances(where, placed, c.primaryRole());
    }
    if (m.remotes.isConnection(c.dependent())) {
      where = m.remotes.connectionHosts(where);
    }
    String attr = c.nodeAttribute();
    boolean[] same = attr == null || attr.equals("#uname") ? where : sameAttribute(where, attr);
    boolean any = false;
    for (boolean b : same) {
      any |= b;
    }
    for (int i = 0; i < n; i++) {
      if (score >= Score.INFINITY) {
        if (!same[i]) {
          w[i] = Score.MINUS_INFINITY;
        }
      } else if (score <= Score.MINUS_INFINITY) {
        if (same[i]) {
          w[i] = Score.MINUS_INFINITY;
        }
      } else if (!any && score > 0 && !primary.isClone() && placedNowhere(placed, c.primaryRole())) {
        // a wish to be with a resource that got no node keeps off every node
        w[i] = Score.add(w[i], -score);
      } else if (same[i] && any) {
        w[i] = Score.add(w[i], score);
      }
    }
  }

  private static boolean placedNowhere(Rsc r, Role role) {
    return r.node < 0 && (role == null || role == Role.STARTED || role == Role.UNKNOWN);
  }

  private boolean[] sameAttribute(boolean[] where, String attr) {
    Set<String> values = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (where[i]) {
        String v = m.nodes.get(i).attribute(attr);
        if (v != null) {
          values.add(v);
        }
      }
    }
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      String v = m.nodes.get(i).attribute(attr);
      out[i] = v != null && values.contains(v);
    }
    return out;
  }

  /** The nodes a resource has been assigned to (every instance's for a clone). */
  private boolean[] nodesOf(Rsc r, Role role) {
    boolean[] out = new boolean[n];
    if (r.isClone()) {
      for (Rsc inst : r.children) {
        if (inst.node >= 0 && roleMatches(inst.nextRole, role)) {
          out[inst.node] = true;
        }
      }
    } else if (r.node >= 0 && roleMatches(r.nextRole, role)) {
      out[r.node] = true;
    }
    return out;
  }

  /**
   * A mandatory colocation with a clone asks for a node where an instance can be acted on: one
   * blocked by a failure (on-fail=block) holds its node but does not count there.
   */
  private void withoutBlockedInstances(boolean[] where, Rsc clone, Role role) {
    java.util.Arrays.fill(where, false);
    for (Rsc inst : clone.children) {
      if (inst.node >= 0 && roleMatches(inst.nextRole, role) && inst.primitives().stream().noneMatch(m::blocked)) {
        where[inst.node] = true;
      }
    }
  }

  private static boolean roleMatches(Role actual, Role wanted) {
    if (wanted == null || wanted == Role.STARTED || wanted == Role.UNKNOWN) {
      return actual != Role.STOPPED;
    }
    if (wanted == Role.UNPROMOTED) {
      return actual == Role.UNPROMOTED || actual == Role.STARTED;
    }
    return actual == wanted;
  }

  /**
   * Adds a not-yet-assigned dependent's preferences (and, recursively, its own dependents')
   * to {@code w}, scaled by {@code factor}; ignored when the result leaves no usable node.
   */
  private int[] mergeDependent(int[] w, Rsc dep, double factor, Set<Rsc> visited, String attr) {
    if (dep.assigned || !visited.add(dep)) {
      return w;
    }
    // a clone weighs with its own scores (its locations), not its instances' stickiness
    Rsc source = dep.kind == Rsc.Kind.GROUP && !dep.children.isEmpty() ? dep.children.get(0) : dep;
    if (source.isPrimitive() && !isManaged(source)) {
      return w;
    }
    int[] dw = byAttribute(base(source), attr);
    int[] out = w.clone();
    for (int i = 0; i < n; i++) {
      // keeping away from a resource that does not want a node does not make the node wanted
      if (factor < 0 && dw[i] < 0) {
        continue;
      }
      out[i] = Score.add(out[i], scale(dw[i], factor));
    }
    boolean anyUsable = false;
    for (int i = 0; i < n; i++) {
      anyUsable |= out[i] >= 0 && usable[i];
    }
    // a guest whose connection can run nowhere takes its container down with it
    if (!anyUsable && !(factor >= 1 && m.remotes.isGuestConnection(dep))) {
      return w;
    }
    // a group passes on its members' dependents (the members after its first), not those
    // placed with the group itself
    List<Coloc> next = dep.kind == Rsc.Kind.GROUP ? source.asPrimary : dep.asPrimary;
    // a dependent's own dependents weigh by their colocation's score alone, not scaled down
    // again, only turned around behind a negative one (crm_simulate's trace: "Merging scores
    // from X (at 1.000000)"); a group's members count that way behind its first
    for (Coloc c : next) {
      double own = (double) c.score() / Score.INFINITY;
      out = mergeDependent(out, c.dependent(), factor > 0 ? own : -own, visited, c.nodeAttribute());
    }
    return out;
  }

  /**
   * Scores scale linearly, INFINITY too (-INFINITY at 1/10000 is -100), rounded to the
   * nearest whole number, halves away from zero; a preference that would round to nothing
   * still counts 1, in the direction of the factor (crm_simulate: 5000 at 1/10000 adds 1,
   * 15000 adds 2, and 10 or -250 add 1).
   */
  private static int scale(int score, double factor) {
    if (factor == 1.0) {
      return score;
    }
    // drop floating-point noise first: 20000 at 0.3 is 6000, not 6000.000000000001
    double scaled = Math.rint(score * factor * 1e6) / 1e6;
    long rounded = (long) Math.signum(scaled) * Math.round(Math.abs(scaled));
    if (rounded == 0 && score != 0) {
      rounded = factor > 0 ? 1 : -1;
    }
    return Score.clamp(rounded);
  }

  /**
   * With a node-attribute colocation, a node counts as good as the best node sharing its
   * value of the attribute.
   */
  private int[] byAttribute(int[] w, String attr) {
    if (attr == null || attr.equals("#uname")) {
      return w;
    }
    java.util.Map<String, Integer> best = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      String v = m.nodes.get(i).attribute(attr);
      if (v != null) {
        best.merge(v, w[i], Math::max);
      }
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      String v = m.nodes.get(i).attribute(attr);
      out[i] = v == null ? Score.MINUS_INFINITY : best.get(v);
    }
    return out;
  }

  private String name(int i) {
    return m.nodes.get(i).name();
  }

  private int currentNode(Rsc r) {
    List<String> active = r.state.activeNodes();
    return active.isEmpty() ? -1 : m.nodeIndex.getOrDefault(active.get(0), -1);
  }

  /**
   * Highest score, then (balanced) most free capacity, then (except minimal) fewest resources
   * assigned, then where it runs now, then node name.
   */
  private int choose(Rsc r, int[] w) {
    int cur = currentNode(r);
    int best = -1;
    for (int i = 0; i < n; i++) {
      if (!usable[i] || w[i] < 0) {
        continue;
      }
      if (best < 0 || better(i, best, w, cur)) {
        best = i;
      }
    }
    // where several nodes share a positive best score, it stays on the one it runs on
    // (crm_simulate: "Chose NODE for RSC from N nodes with score S")
    if (best >= 0 && cur >= 0 && cur != best && usable[cur] && w[cur] == w[best] && w[best] > 0) {
      return cur;
    }
    return best;
  }

  private boolean better(int i, int j, int[] w, int cur) {
    if (w[i] != w[j]) {
      return w[i] > w[j];
    }
    if (utilization.strategy == Utilization.Strategy.BALANCED) {
      int free = utilization.compareFree(i, j);
      if (free != 0) {
        return free > 0;
      }
    }
    if (utilization.countsLoad() && load[i] != load[j]) {
      return load[i] < load[j];
    }
    if (i == cur || j == cur) {
      return i == cur;
    }
    return name(i).compareTo(name(j)) < 0;
  }

  // ---- clones ----

  /** Whether clone-max reaches the number of nodes that can run resources at all. */
  private boolean coversAvailableNodes(Rsc c) {
    return cloneMax(c) >= availableNodes();
  }

  private int availableNodes() {
    int available = 0;
    for (int i = 0; i < n; i++) {
      if (usable[i]) {
        available++;
      }
    }
    return available;
  }

  private static int cloneMax(Rsc c) {
    return c.meta.get("clone-max").flatMap(Score::parse).orElse(c.children.size());
  }

  private void assignClone(Rsc c) {
    recordClone(c);
    int max = cloneMax(c);
    int perNode = c.meta.get("clone-node-max").flatMap(Score::parse).orElse(1);
    int[] used = new int[n];
    List<Rsc> instances = new ArrayList<>(c.children);
    // instances that can stay where they run go first, then those whose node merely became
    // unavailable (they move rather than stop while another starts), then stopped ones, then
    // those failed or banned where they run
    // (among those moving and those stopped, the better scores go first: the best score each
    // has anywhere, then the second best...)
    // (each instance's rank and scores worked out once, not at every comparison)
    Map<Rsc, Integer> rank = new IdentityHashMap<>();
    Map<Rsc, int[]> best = new IdentityHashMap<>();
    for (Rsc i : instances) {
      rank.put(i, cloneAssignmentRank(i));
      best.put(i, sortedScores(i, c));
    }
    instances.sort(Comparator.comparingInt((Rsc i) -> rank.get(i) == 2 ? 1 : rank.get(i))
        .thenComparing((a, b) -> rank.get(a) == 0 ? 0 : byBestScores(best.get(a), best.get(b)))
        .thenComparingInt(rank::get)
        .thenComparingInt(i -> i.order));
    int started = 0;
    // first every running instance whose best node is where it runs keeps it; then the others
    // (moving instances included) take the best nodes left, in the same order
    // (keeping no more per node than an even spread of clone-max gives each)
    int keepPerNode = Math.min(perNode, Math.max(1, max / Math.max(1, availableNodes())));
    List<Rsc> rest = new ArrayList<>();
    for (Rsc inst : instances) {
      boolean[] restrict = room(c, used, keepPerNode, started < max);
      int cur = cloneAssignmentRank(inst) == 0 ? currentNode(inst.primitives().get(0)) : -1;
      if (cur < 0 || !restrict[cur] || !staysPut(inst, c, restrict, cur)) {
        rest.add(inst);
        continue;
      }
      shownRoom = restrict.clone();
      Arrays.fill(restrict, false);
      restrict[cur] = true;
      assignInstance(inst, c, restrict);
      shownRoom = null;
      if (inst.node >= 0) {
        used[inst.node]++;
        started++;
      }
    }
    for (Rsc inst : rest) {
      assignInstance(inst, c, room(c, used, perNode, started < max));
      if (inst.node >= 0) {
        used[inst.node]++;
        started++;
      }
    }
    if (c.promotable) {
      promote(c);
    }
  }

  /**
   * A clone's own scores and its instances' (a cloned group's members too), before any instance
   * is assigned; nodes that cannot run resources now keep their scores.
   */
  private void recordClone(Rsc c) {
    if (!scores.on()) {
      return;
    }
    scores.allocation(AllocationScores.Stage.CLONE, c, shownBase(c));
    for (Rsc inst : c.children) {
      scores.allocation(AllocationScores.Stage.CLONE, inst, shownBase(inst));
      for (Rsc member : inst.children) {
        scores.allocation(AllocationScores.Stage.CLONE, member, shownBase(member));
      }
    }
  }

  /** Higher scores first, comparing each instance's best score, then its second best, and so on. */
  private int byBestScores(int[] wa, int[] wb) {
    for (int i = 0; i < n; i++) {
      if (wa[i] != wb[i]) {
        return wa[i] > wb[i] ? -1 : 1;
      }
    }
    return 0;
  }

  /** An instance's scores with its colocations applied, best first. */
  private int[] sortedScores(Rsc inst, Rsc clone) {
    Rsc first = inst.kind == Rsc.Kind.GROUP && !inst.children.isEmpty() ? inst.children.get(0) : inst;
    if (!first.isPrimitive()) {
      return new int[n];
    }
    int[] w = isManaged(first)
        ? placementScores(first, first == inst ? List.of(inst, clone) : List.of(first, inst), null)
        : base(first).clone();
    Arrays.sort(w);
    for (int i = 0, j = n - 1; i < j; i++, j--) {
      int t = w[i];
      w[i] = w[j];
      w[j] = t;
    }
    return w;
  }

  /**
   * The nodes with room for one more instance (none once the clone has all it may run); a node
   * the clone's own locations score below 0 takes none, however much an instance running there
   * would like to stay.
   */
  private boolean[] room(Rsc clone, int[] used, int perNode, boolean more) {
    int[] own = m.locations.get(clone);
    boolean[] restrict = new boolean[n];
    for (int i = 0; i < n; i++) {
      restrict[i] = more && used[i] < perNode && (own == null || own[i] >= 0);
    }
    return restrict;
  }

  /** Whether the node a running instance runs on is (one of) its best now, even at score 0. */
  private boolean staysPut(Rsc inst, Rsc clone, boolean[] restrict, int cur) {
    Rsc first = inst.kind == Rsc.Kind.GROUP ? inst.children.get(0) : inst;
    if (!isManaged(first)) {
      return true;
    }
    int[] w = placementScores(first, first == inst ? List.of(inst, clone) : List.of(first, inst), restrict);
    if (w[cur] < 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (usable[i] && w[i] > w[cur]) {
        return false;
      }
    }
    return true;
  }

  private void assignInstance(Rsc inst, Rsc clone, boolean[] restrict) {
    inst.assigning = true;
    if (inst.kind == Rsc.Kind.GROUP) {
      assignGroup(inst, restrict);
    } else {
      assignPrimitive(inst, List.of(inst, clone), restrict);
    }
    inst.assigning = false;
    inst.assigned = true;
  }

  /** The {@code master-RSC} node attribute of an instance's node (its current node when unassigned). */
  private int promotionAttribute(Rsc inst) {
    int node = inst.node >= 0 ? inst.node : currentNode(inst);
    if (node < 0) {
      return Score.MINUS_INFINITY;
    }
    return promotionAttribute(inst, node);
  }

  /** The {@code master-RSC} attribute of node {@code node} for an instance (-1 when unset). */
  private int promotionAttribute(Rsc inst, int node) {
    if ("host".equals(inst.meta.get("container-attribute-target").orElse(null))) {
      // the attribute is kept on the host of the guest's container
      int host = m.remotes.containerHost(node);
      if (host == -2) {
        return -1;
      }
      node = host >= 0 ? host : node;
    }
    NodeStatus ns = m.nodes.get(node);
    String v = ns.attribute(promotionAttributeName(inst.state.baseId()));
    NodeHistory h = inst.state.history(ns.name());
    if (v == null && h != null) {
      // older CIBs name it after the instance as recorded on that node
      v = ns.attribute(promotionAttributeName(h.recordedId()));
    }
    if (v == null) {
      v = ns.attribute(promotionAttributeName(inst.id));
    }
    if (v == null) {
      return -1;
    }
    return Score.parse(v).orElse(0);
  }

  /** {@code master-ID}, the node attribute with a promotion score (each name made once: asked per instance and node). */
  private String promotionAttributeName(String id) {
    String name = promotionAttributeNames.get(id);
    if (name == null) {
      name = "master-" + id;
      promotionAttributeNames.put(id, name);
    }
    return name;
  }

  private final Map<String, String> promotionAttributeNames = new java.util.HashMap<>();

  /**
   * Chooses which instances of a promotable clone are promoted: the highest promotion scores
   * (the node's {@code master-RSC} attribute, Promoted-role locations and colocations), up to
   * promoted-max overall and promoted-node-max per node, none below 0.
   */
  private void promote(Rsc c) {
    int max = c.meta.get("promoted-max").or(() -> c.meta.get("master-max")).flatMap(Score::parse).orElse(1);
    int perNode = c.meta.get("promoted-node-max").or(() -> c.meta.get("master-node-max")).flatMap(Score::parse)
        .orElse(1);
    List<Rsc> candidates = new ArrayList<>();
    java.util.Map<Rsc, Integer> score = new java.util.HashMap<>();
    for (Rsc inst : c.children) {
      if (inst.node < 0) {
        scores.promotion(inst, 0);
        continue;
      }
      candidates.add(inst);
      // in a bundle replica whose container has no place the instance cannot be promoted
      score.put(inst, m.remotes.replicaDown(inst.node) ? -1 : promotionScore(c, inst));
      scores.promotion(inst, score.get(inst));
    }
    candidates.sort(Comparator.comparingInt((Rsc i) -> -score.get(i))
        .thenComparingInt(i -> isPromoted(i) ? 0 : 1).thenComparingInt(i -> i.order));
    int[] perNodeCount = new int[n];
    int promoted = 0;
    for (Rsc inst : candidates) {
      boolean yes = promoted < max && score.get(inst) >= 0 && perNodeCount[inst.node] < perNode
          && managedInstance(inst);
      if (!managedInstance(inst)) {
        yes = isPromoted(inst);
      }
      Role role = yes ? Role.PROMOTED : Role.UNPROMOTED;
      if (yes) {
        promoted++;
        perNodeCount[inst.node]++;
      }
      inst.nextRole = role;
      for (Rsc p : inst.primitives()) {
        if (p.node >= 0) {
          p.nextRole = role;
        }
      }
    }
  }

  private boolean managedInstance(Rsc inst) {
    for (Rsc p : inst.primitives()) {
      if (!m.managed(p)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPromoted(Rsc inst) {
    for (Rsc p : inst.primitives()) {
      if (p.state.role() == Role.PROMOTED) {
        return true;
      }
    }
    return false;
  }

  private int promotionScore(Rsc c, Rsc inst) {
    int node = inst.node;
    Rsc first = inst.primitives().get(0);
    int score = promotionAttribute(first);
    int[] loc = m.promotedLocations.get(c);
    if (loc != null) {
      score = Score.add(score, loc[node]);
    }
    // the clone's own locations, whatever the role, count towards promoting an instance that
    // may be promoted at all, where they are finite
    int[] plain = m.locations.get(c);
    if (plain != null && score >= 0 && plain[node] > Score.MINUS_INFINITY) {
      score = Score.add(score, plain[node]);
    }
    for (Coloc col : c.asDependent) {
      if (col.dependentRole() != Role.PROMOTED) {
        continue;
      }
      assign(unit(col.primary()));
      boolean[] where = nodesOf(col.primary(), col.primaryRole());
      score = Score.add(score, colocationEffect(col.score(), where[node]));
    }
    for (Coloc col : c.asPrimary) {
      // resources placed with the clone pull only instances that may be promoted at all: what
      // they prefer counts whatever role they are placed with, twice for the Promoted role
      if (score < 0) {
        continue;
      }
      Rsc dep = col.dependent();
      boolean promotedRole = col.primaryRole() == Role.PROMOTED;
      if (dep.assigned || dep.node >= 0) {
        if (promotedRole) {
          score = Score.add(score, colocationEffect(col.score(), dep.node == node));
        }
        continue;
      }
      List<Rsc> sources = dep.kind == Rsc.Kind.GROUP ? dep.children
          : dep.primitives().isEmpty() ? List.of() : List.of(dep.primitives().get(0));
      if (sources.isEmpty() || !sources.get(0).isPrimitive() || !anyUsable(base(sources.get(0)))) {
        continue;
      }
      int dw = dependentScores(sources)[node];
      double factor = col.score() / (double) Score.INFINITY;
      if (factor < 0 && dw <= Score.MINUS_INFINITY) {
        continue;
      }
      int pull = scale(dw, factor);
      if (pull == 0 && dw > 0 && factor > 0) {
        // a weak colocation still pulls by one point
        pull = 1;
      }
      score = Score.add(score, promotedRole ? Score.add(pull, pull) : pull);
    }
    return score;
  }

  /**
   * A dependent's node preferences: its primitive's, or the sum of a group's members' where a
   * member that would leave the group nowhere to run is left out.
   */
  private int[] dependentScores(List<Rsc> members) {
    int[] sum = new int[n];
    for (Rsc member : members) {
      if (!member.isPrimitive()) {
        continue;
      }
      int[] next = sum.clone();
      int[] w = base(member);
      for (int i = 0; i < n; i++) {
        next[i] = Score.add(next[i], w[i]);
      }
      if (anyUsable(next)) {
        sum = next;
      }
    }
    return sum;
  }

  /** Whether the scores leave any usable node (a resource that can run nowhere expresses no preference). */
  private boolean anyUsable(int[] w) {
    for (int i = 0; i < n; i++) {
      if (w[i] >= 0 && usable[i]) {
        return true;
      }
    }
    return false;
  }

  private static int colocationEffect(int score, boolean there) {
    if (score >= Score.INFINITY) {
      return there ? 0 : Score.MINUS_INFINITY;
    }
    if (score <= Score.MINUS_INFINITY) {
      return there ? Score.MINUS_INFINITY : 0;
    }
    return there ? score : 0;
  }

  private int cloneAssignmentRank(Rsc inst) {
    if (failedWhereItRuns(inst)) {
      // a failed instance keeps no claim on its node: it is placed afresh, with those that move
      return 1;
    }
    if (canStay(inst)) {
      return 0;
    }
    if (!isActive(inst)) {
      return 2;
    }
    for (Rsc p : inst.primitives()) {
      for (String node : p.state.activeNodes()) {
        Integer idx = m.nodeIndex.get(node);
        boolean banned = idx == null || usable[idx] && base(p)[idx] < 0;
        if (banned || m.failedOn(p, node) || m.node(node).unclean()) {
          return 3;
        }
      }
    }
    return 1;
  }

  private boolean failedWhereItRuns(Rsc inst) {
    for (Rsc p : inst.primitives()) {
      for (String node : p.state.activeNodes()) {
        Integer idx = m.nodeIndex.get(node);
        if (idx != null && usable[idx] && base(p)[idx] >= 0 && m.failedOn(p, node)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Active where it may still run (its node usable, not banned, with room for it). */
  private boolean canStay(Rsc inst) {
    for (Rsc p : inst.primitives()) {
      int cur = currentNode(p);
      if (cur < 0 || !usable[cur] || base(p)[cur] < 0 || !utilization.fits(p, cur)) {
        return false;
      }
    }
    return !inst.primitives().isEmpty();
  }

  private static boolean isActive(Rsc inst) {
    for (Rsc p : inst.primitives()) {
      if (!p.state.activeNodes().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
