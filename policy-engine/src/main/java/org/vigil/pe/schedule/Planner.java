package org.vigil.pe.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cib.model.Op;
import org.vigil.cib.model.Role;
import org.vigil.cib.values.Booleans;
import org.vigil.cib.values.Durations;
import org.vigil.pe.status.ClusterOptions;
import org.vigil.pe.status.NodeHistory;
import org.vigil.pe.status.NodeStatus;
import org.vigil.pe.status.ResourceState;

/**
 * The actions each resource needs to get from where it is to where it was assigned, the
 * orderings between them, and what those orderings imply: an action that cannot run makes
 * the actions that must follow it unrunnable; a required start forces a restart of what is
 * ordered after it; a required stop forces the stop of what is ordered before it.
 */
final class Planner {
  final Model m;
  final List<Act> acts = new ArrayList<>();
  final Map<Rsc, Act> starts = new HashMap<>();
  final Map<Rsc, List<Act>> stops = new HashMap<>();
  final Map<Rsc, Act[]> pseudo = new HashMap<>();
  final Map<Integer, Act> fences = new LinkedHashMap<>();
  final List<Act> probes = new ArrayList<>();
  final List<Act> monitors = new ArrayList<>();
  final List<Act> cluster = new ArrayList<>();
  private final ClusterOptions options;

  private static final int START = 0;
  private static final int RUNNING = 1;
  private static final int STOP = 2;
  private static final int STOPPED = 3;
  private static final int PROMOTE = 4;
  private static final int PROMOTED = 5;
  private static final int DEMOTE = 6;
  private static final int DEMOTED = 7;
  final Map<Rsc, Act> promotes = new HashMap<>();
  final Map<Rsc, Act> demotes = new HashMap<>();

  Planner(Model m) {
    this.m = m;
    this.options = m.state.options();
  }

  void plan() {
    fencing();
    for (Rsc top : m.tops) {
      create(top);
    }
    for (Rsc top : m.tops) {
      internalOrderings(top);
    }
    remoteOrderings();
    containerRecovery();
    for (Ordering o : m.orderings) {
      if (!o.id().startsWith("group:")) {
        constraintOrdering(o);
      }
    }
    propagate();
    explain();
    recurring();
    shutdowns();
  }

  // ---- creation ----

  private Act add(Act a) {
    acts.add(a);
    return a;
  }

  private void fencing() {
    for (int i = 0; i < m.nodes.size(); i++) {
      NodeStatus n = m.nodes.get(i);
      if (n.kind() == NodeStatus.Kind.GUEST && m.willBeFenced(n.name())) {
        // a guest is fenced by recovering its container: a pseudo-action stands for it
        // a guest whose container will not run again is left off
        RemoteNodes.Link link = m.remotes.linkOf(i);
        String action = link != null && link.container().node < 0 ? "off" : options.stonithAction();
        Act f = add(new Act(Act.Type.PSEUDO, null, "stonith-" + n.name() + "-" + action + " on " + n.name(), 0, i));
        f.required = true;
        f.reason = n.fenceReason();
        f.attributes.put("action", action);
        fences.put(i, f);
      } else if (m.willBeFenced(n.name())) {
        Act f = add(new Act(Act.Type.FENCE, null, "stonith", 0, i));
        f.required = true;
        f.reason = n.fenceReason();
        f.attributes.put("action", options.stonithAction());
        fences.put(i, f);
      }
    }
  }

  private void create(Rsc r) {
    if (r.isPrimitive()) {
      createPrimitive(r);
      return;
    }
    Act[] p = new Act[8];
    p[START] = add(new Act(Act.Type.PSEUDO, r, "start", 0, -1));
    p[RUNNING] = add(new Act(Act.Type.PSEUDO, r, "running", 0, -1));
    p[STOP] = add(new Act(Act.Type.PSEUDO, r, "stop", 0, -1));
    p[STOPPED] = add(new Act(Act.Type.PSEUDO, r, "stopped", 0, -1));
    if (r.promotable) {
      p[PROMOTE] = add(new Act(Act.Type.PSEUDO, r, "promote", 0, -1));
      p[PROMOTED] = add(new Act(Act.Type.PSEUDO, r, "promoted", 0, -1));
      p[DEMOTE] = add(new Act(Act.Type.PSEUDO, r, "demote", 0, -1));
      p[DEMOTED] = add(new Act(Act.Type.PSEUDO, r, "demoted", 0, -1));
    }
    pseudo.put(r, p);
    for (Rsc c : r.children) {
      create(c);
    }
  }

  boolean managed(Rsc r) {
    return m.managed(r);
  }

  private void createPrimitive(Rsc r) {
    ResourceState st = r.state;
    List<Integer> active = activeNodes(r);
    int t = r.node;
    boolean managed = managed(r);
    boolean multiple = active.size() > 1;
    boolean changed = managed && t >= 0 && definitionChanged(r, t);
    List<Act> stopActs = new ArrayList<>();
    for (int c : active) {
      Act stop = add(new Act(Act.Type.RESOURCE, r, "stop", 0, c));
      stop.required = managed && (c != t || m.failedOn(r, m.nodes.get(c).name()) || multiple || changed);
      Act fence = fences.get(c);
      if (m.nodes.get(c).unclean()) {
        if (fence != null) {
          edge(fence, stop, 0);
          stop.attributes.put("implied-by-fencing", "true");
          // a fenced guest comes back empty: what ran there starts again
          stop.required = managed;
        } else {
          stop.runnable = false;
        }
      }
      if (!managed) {
        stop.runnable = false;
      }
      stopActs.add(stop);
    }
    stops.put(r, stopActs);
    Act start = add(new Act(Act.Type.RESOURCE, r, "start", 0, t));
    if (managed) {
      boolean failedThere = t >= 0 && m.failedOn(r, m.nodes.get(t).name());
      start.required = t >= 0 && (!active.contains(t) || failedThere || multiple || changed);
      start.runnable = t >= 0;
      if (changed && !failedThere) {
        start.requiredBy = "resource definition change";
      }
    } else {
      start.runnable = !active.isEmpty() && !m.blocked(r);
    }
    quorum(r, start, stopActs, active.isEmpty());
    if (managed && active.isEmpty() && unprobedOnPendingNode(r)) {
      // where it is unknown whether it runs, it cannot be started anywhere yet
      start.runnable = false;
    }
    starts.put(r, start);
    for (Act stop : stopActs) {
      if (!managed) {
        edge(stop, start, 0);
        continue;
      }
      int flags = Act.Edge.IMPLIES_THEN | Act.Edge.RUNNABLE_LEFT;
      if (stop.node == t) {
        flags |= Act.Edge.IMPLIES_FIRST | STOP_IF_UNRUNNABLE;
      }
      edge(stop, start, flags);
    }
    if (r.inPromotable()) {
      roles(r, start, stopActs, managed);
    }
    probes(r);
  }

  /**
   * Without quorum (unless no-quorum-policy=ignore or the resource requires nothing): with
   * freeze nothing new starts; otherwise nothing starts and everything running stops.
   */
  private void quorum(Rsc r, Act start, List<Act> stopActs, boolean inactive) {
    if (m.state.haveQuorum() || options.noQuorumPolicy() == ClusterOptions.NoQuorumPolicy.IGNORE
        || "nothing".equals(r.meta.get("requires").orElse(null)) || !managed(r)) {
      return;
    }
    if (options.noQuorumPolicy() == ClusterOptions.NoQuorumPolicy.FREEZE) {
      if (inactive) {
        start.runnable = false;
        start.reason = "quorum freeze";
        start.reasonRank = 10;
      }
      return;
    }
    start.runnable = false;
    start.reason = "no quorum";
    start.reasonRank = 10;
    for (Act stop : stopActs) {
      stop.required = true;
    }
  }

  /**
   * Promote and demote for an instance of a promotable clone: demote before it stops or
   * when it loses the Promoted role; promote after it starts or when it gains it.
   */
  private void roles(Rsc r, Act start, List<Act> stopActs, boolean managed) {
    int t = r.node;
    for (Act stop : stopActs) {
      NodeHistory h = r.state.history(m.nodes.get(stop.node).name());
      if (h == null || h.role() != Role.PROMOTED) {
        continue;
      }
      Act demote = add(new Act(Act.Type.RESOURCE, r, "demote", 0, stop.node));
      demote.required = managed && (r.nextRole != Role.PROMOTED || stop.node != t);
      demote.runnable = managed && stop.runnable;
      if (stop.attributes.containsKey("implied-by-fencing")) {
        demote.attributes.put("implied-by-fencing", "true");
      }
      edge(demote, stop, Act.Edge.IMPLIES_FIRST);
      demotes.put(r, demote);
    }
    if (t >= 0 && r.nextRole == Role.PROMOTED) {
      NodeHistory h = r.state.history(m.nodes.get(t).name());
      boolean already = h != null && h.role() == Role.PROMOTED && h.active();
      Act promote = add(new Act(Act.Type.RESOURCE, r, "promote", 0, t));
      promote.required = managed && !already;
      promote.runnable = managed;
      edge(start, promote, Act.Edge.RUNNABLE_LEFT | Act.Edge.IMPLIES_THEN);
      promotes.put(r, promote);
    }
  }

  private boolean unprobedOnPendingNode(Rsc r) {
    for (NodeStatus n : m.nodes) {
      if (n.online() && n.pending() && !r.state.probedOn(n.name())) {
        return true;
      }
    }
    return false;
  }

  /** The then action being unrunnable makes the first (a stop) required. */
  static final int STOP_IF_UNRUNNABLE = 16;
  /** Then required makes first printed (a collective's pseudo action). */
  static final int PRINTS_FIRST = 32;

  List<Integer> activeNodes(Rsc r) {
    List<Integer> out = new ArrayList<>();
    for (String node : r.state.activeNodes()) {
      Integer idx = m.nodeIndex.get(node);
      if (idx != null) {
        out.add(idx);
      }
    }
    return out;
  }

  /**
   * A restart is needed when the parameters changed since the last start: the recorded
   * digest of the start is compared with the one recorded by a reload-capable history
   * ({@code op-restart-digest}); without digests of our own nothing is restarted.
   */
  private boolean definitionChanged(Rsc r, int t) {
    return false;
  }

  private void probes(Rsc r) {
    ResourceState st = r.state;
    if (st.orphan() || options.maintenanceMode()) {
      return;
    }
    for (int i = 0; i < m.nodes.size(); i++) {
      NodeStatus n = m.nodes.get(i);
      if (!m.remotes.reachable(i) || n.unclean() || n.pending() || n.maintenance() || st.probedOn(n.name())) {
        continue;
      }
      if ((n.kind() != NodeStatus.Kind.CLUSTER && m.remotes.clusterOnly(r)) || !m.discoverable(r, i)
          || m.remotes.inBundle(i)) {
        continue;
      }
      if (r.enclosingClone() != null && !probesFor(r, i)) {
        continue;
      }
      Act probe = add(new Act(Act.Type.RESOURCE, r, "monitor", 0, i));
      probe.required = true;
      probe.attributes.put("target_rc", "7");
      probes.add(probe);
      edge(probe, starts.get(r), 0);
    }
  }

  /**
   * An anonymous clone is probed once per node, by one instance: none when any instance has
   * history there; else the instance assigned there, or the first one active nowhere.
   */
  private boolean probesFor(Rsc r, int node) {
    String nodeName = m.nodes.get(node).name();
    List<Rsc> siblings = siblings(r);
    Rsc chosen = null;
    for (Rsc p : siblings) {
      if (p.state.probedOn(nodeName)) {
        return false;
      }
      if (p.node == node && chosen == null) {
        chosen = p;
      }
    }
    if (chosen == null) {
      for (Rsc p : siblings) {
        if (p.state.activeNodes().isEmpty()) {
          chosen = p;
          break;
        }
      }
    }
    return (chosen == null ? siblings.get(0) : chosen) == r;
  }

  private final Map<String, List<Rsc>> siblings = new HashMap<>();

  /** The instances of the same primitive in the same clone. */
  private List<Rsc> siblings(Rsc r) {
    Rsc clone = r.enclosingClone();
    return siblings.computeIfAbsent(clone.id + "\u0000" + r.state.baseId(), k -> {
      List<Rsc> out = new ArrayList<>();
      for (Rsc inst : clone.children) {
        for (Rsc p : inst.primitives()) {
          if (p.state.baseId().equals(r.state.baseId())) {
            out.add(p);
          }
        }
      }
      return out;
    });
  }

  // ---- orderings ----

  void edge(Act first, Act then, int flags) {
    Act.Edge e = new Act.Edge(first, then, flags);
    first.out.add(e);
    then.in.add(e);
  }

  private void internalOrderings(Rsc r) {
    if (r.isPrimitive()) {
      return;
    }
    Act[] p = pseudo.get(r);
    boolean clone = r.isClone();
    for (Rsc c : r.children) {
      internalOrderings(c);
      for (Act s : startsOf(c)) {
        edge(p[START], s, Act.Edge.RUNNABLE_LEFT | Act.Edge.IMPLIES_THEN);
        edge(s, p[START], PRINTS_FIRST);
      }
      for (Act s : runningOf(c)) {
        edge(s, p[RUNNING], Act.Edge.RUNNABLE_LEFT | Act.Edge.IMPLIES_THEN | (clone ? Act.Edge.ANY_LEFT : 0));
      }
      for (Act s : stopsOf(c)) {
        edge(p[STOP], s, Act.Edge.IMPLIES_THEN);
        edge(s, p[STOP], PRINTS_FIRST);
      }
      for (Act s : stoppedOf(c)) {
        edge(s, p[STOPPED], Act.Edge.IMPLIES_THEN);
      }
    }
    edge(p[STOPPED], p[START], 0);
    edge(p[START], p[RUNNING], 0);
    edge(p[STOP], p[STOPPED], 0);
    if (r.promotable) {
      for (Rsc inst : r.children) {
        for (Rsc prim : inst.primitives()) {
          Act pr = promotes.get(prim);
          if (pr != null) {
            edge(p[PROMOTE], pr, Act.Edge.RUNNABLE_LEFT);
            edge(pr, p[PROMOTE], PRINTS_FIRST);
            edge(pr, p[PROMOTED], Act.Edge.IMPLIES_THEN);
          }
          Act de = demotes.get(prim);
          if (de != null) {
            edge(p[DEMOTE], de, 0);
            edge(de, p[DEMOTE], PRINTS_FIRST);
            edge(de, p[DEMOTED], Act.Edge.IMPLIES_THEN);
          }
        }
      }
      edge(p[RUNNING], p[PROMOTE], 0);
      edge(p[DEMOTED], p[STOP], 0);
      edge(p[DEMOTE], p[DEMOTED], 0);
      edge(p[PROMOTE], p[PROMOTED], 0);
    }
    if (r.kind == Rsc.Kind.GROUP) {
      for (int i = 1; i < r.children.size(); i++) {
        Rsc prev = r.children.get(i - 1);
        Rsc cur = r.children.get(i);
        for (Act a : runningOf(prev)) {
          for (Act b : startsOf(cur)) {
            edge(a, b, Act.Edge.RUNNABLE_LEFT | Act.Edge.IMPLIES_THEN);
          }
        }
        for (Act a : stoppedOf(cur)) {
          for (Act b : stopsOf(prev)) {
            edge(a, b, Act.Edge.IMPLIES_FIRST | Act.Edge.RUNNABLE_LEFT);
          }
        }
      }
    }
  }

  /** The actions that begin a start of {@code r}: its start, or its start pseudo-action. */
  private List<Act> startsOf(Rsc r) {
    return r.isPrimitive() ? List.of(starts.get(r)) : List.of(pseudo.get(r)[START]);
  }

  private List<Act> runningOf(Rsc r) {
    return r.isPrimitive() ? List.of(starts.get(r)) : List.of(pseudo.get(r)[RUNNING]);
  }

  private List<Act> stopsOf(Rsc r) {
    return r.isPrimitive() ? stops.get(r) : List.of(pseudo.get(r)[STOP]);
  }

  private List<Act> stoppedOf(Rsc r) {
    return r.isPrimitive() ? stops.get(r) : List.of(pseudo.get(r)[STOPPED]);
  }

  private List<Act> firstActs(Rsc r, String action) {
    return switch (action) {
      case "start" -> runningOf(r);
      case "stop" -> stoppedOf(r);
      case "promote" -> r.promotable ? List.of(pseudo.get(r)[PROMOTED]) : List.of();
      case "demote" -> r.promotable ? List.of(pseudo.get(r)[DEMOTED]) : List.of();
      default -> List.of();
    };
  }

  private List<Act> thenActs(Rsc r, String action) {
    return switch (action) {
      case "start" -> startsOf(r);
      case "stop" -> stopsOf(r);
      case "promote" -> r.promotable ? List.of(pseudo.get(r)[PROMOTE]) : List.of();
      case "demote" -> r.promotable ? List.of(pseudo.get(r)[DEMOTE]) : List.of();
      default -> List.of();
    };
  }

  private void constraintOrdering(Ordering o) {
    int flags = 0;
    if (o.kind() == Ordering.Kind.MANDATORY) {
      boolean thenIsStop = o.thenAction().equals("stop") || o.thenAction().equals("demote");
      flags = thenIsStop ? Act.Edge.IMPLIES_FIRST | Act.Edge.RUNNABLE_LEFT
          : Act.Edge.RUNNABLE_LEFT | Act.Edge.IMPLIES_THEN;
    }
    for (Act f : firstActs(o.first(), o.firstAction())) {
      for (Act t : thenActs(o.then(), o.thenAction())) {
        edge(f, t, flags);
      }
    }
  }

  /**
   * Actions on a remote or guest node need its connection: starts, promotions and probes
   * there follow the connection's start, stops and demotions there precede its stop.
   */
  private void remoteOrderings() {
    for (RemoteNodes.Link l : m.remotes.links) {
      Act connStart = starts.get(l.connection());
      List<Act> connStops = stops.getOrDefault(l.connection(), List.of());
      for (Act a : new ArrayList<>(acts)) {
        if (a.node != l.node() || a.type != Act.Type.RESOURCE) {
          continue;
        }
        boolean stopping = a.task.equals("stop") || a.task.equals("demote");
        if (stopping) {
          for (Act cs : connStops) {
            edge(a, cs, 0);
          }
        } else {
          // in a guest whose connection has a place, what cannot start is blamed on the container (below)
          boolean blameContainer = l.guest() && !a.task.equals("monitor") && l.connection().node >= 0;
          edge(connStart, a, blameContainer ? 0 : Act.Edge.RUNNABLE_LEFT);
        }
        if (l.guest() && !a.task.equals("monitor")) {
          // what runs in a guest goes down and comes back with its container
          if (stopping) {
            for (Act cs : stops.getOrDefault(l.container(), List.of())) {
              edge(a, cs, Act.Edge.IMPLIES_FIRST);
            }
          } else {
            edge(starts.get(l.container()), a, Act.Edge.RUNNABLE_LEFT | Act.Edge.IMPLIES_THEN);
          }
        }
      }
      Act fence = fences.get(l.node());
      if (fence != null && l.guest()) {
        for (Act cs : stops.getOrDefault(l.container(), List.of())) {
          edge(cs, fence, 0);
        }
      }
    }
  }

  /**
   * A failed resource inside a container is recovered with its container: the container
   * restarts (its stop there is required, which requires its start), and the restart of the
   * container requires the restart of what it contains.
   */
  private void containerRecovery() {
    for (Containers.Contained c : m.containers.all()) {
      for (Act cs : stops.getOrDefault(c.container(), List.of())) {
        if (m.failedOn(c.resource(), m.nodes.get(cs.node).name()) && managed(c.container())) {
          cs.required = true;
        }
      }
      for (Act s : stops.getOrDefault(c.resource(), List.of())) {
        for (Act cs : stops.getOrDefault(c.container(), List.of())) {
          if (cs.node == s.node) {
            edge(s, cs, Act.Edge.IMPLIES_FIRST);
          }
        }
      }
      edge(starts.get(c.container()), starts.get(c.resource()), Act.Edge.IMPLIES_THEN | Act.Edge.RUNNABLE_LEFT);
    }
  }

  // ---- propagation ----

  private void propagate() {
    Deque<Act> work = new ArrayDeque<>(acts);
    while (!work.isEmpty()) {
      Act a = work.poll();
      for (Act.Edge e : a.out) {
        Act t = e.then();
        // a stop that will not happen blocks nothing
        boolean blocks = !a.runnable && (a.required || !a.task.equals("stop"));
        if ((e.flags() & Act.Edge.RUNNABLE_LEFT) != 0 && blocks && t.runnable) {
          if ((e.flags() & Act.Edge.ANY_LEFT) == 0 || noRunnableAnyLeft(t)) {
            t.runnable = false;
            t.inheritedUnrunnable = true;
            work.add(t);
          }
        }
        // an action that will not run implies nothing
        if ((e.flags() & Act.Edge.IMPLIES_THEN) != 0 && a.required && a.runnable && !t.required) {
          t.required = true;
          if (t.requiredBy == null && a.rsc != null && a.rsc != t.rsc) {
            t.requiredBy = "required " + a.rsc.id + " " + actionName(a);
          }
          work.add(t);
        }
        if ((e.flags() & PRINTS_FIRST) != 0 && (a.required || a.printed) && !t.printed) {
          t.printed = true;
          work.add(t);
        }
      }
      if (a.task.equals("start") && !a.runnable && a.rsc != null && a.rsc.isPrimitive() && a.node >= 0) {
        blockColocated(a, work);
      }
      for (Act.Edge e : a.in) {
        Act f = e.first();
        if ((e.flags() & Act.Edge.IMPLIES_FIRST) != 0 && a.required && !f.required) {
          f.required = true;
          work.add(f);
        }
        if ((e.flags() & STOP_IF_UNRUNNABLE) != 0 && !a.runnable && !f.required) {
          f.required = true;
          work.add(f);
        }
      }
    }
  }

  /** Resources that must run with one whose start cannot run cannot start either. */
  private void blockColocated(Act start, Deque<Act> work) {
    for (Coloc c : start.rsc.asPrimary) {
      if (c.score() < org.vigil.cib.values.Score.INFINITY || c.id().startsWith("group:")) {
        continue;
      }
      for (Act s : startsOf(c.dependent())) {
        if (s.runnable) {
          s.runnable = false;
          s.inheritedUnrunnable = true;
          if (s.reasonRank < 3) {
            s.reason = "colocation with " + start.rsc.id;
            s.reasonRank = 3;
            s.ownReason = true;
          }
          work.add(s);
        }
      }
    }
  }

  private static boolean noRunnableAnyLeft(Act t) {
    for (Act.Edge e : t.in) {
      if ((e.flags() & Act.Edge.ANY_LEFT) != 0 && e.first().runnable && e.first().node >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Gives every action made unrunnable by what it must follow the strongest of the causes,
   * strongest first: a running resource that cannot restart ("required X start"); a
   * collective's pseudo-action (a group's start passes its own cause on, a clone's start
   * none, others name themselves: "unrunnable grp running"); a resource that cannot start
   * on its own account ("unrunnable X start"); a stopped resource blocked by something else.
   */
  private void explain() {
    java.util.Set<Act> done = new java.util.HashSet<>();
    for (Act a : acts) {
      explain(a, done, new java.util.HashSet<>());
    }
  }

  private void explain(Act a, java.util.Set<Act> done, java.util.Set<Act> visiting) {
    if (done.contains(a) || !visiting.add(a)) {
      return;
    }
    if (!a.runnable && a.inheritedUnrunnable) {
      for (Act.Edge e : a.in) {
        Act f = e.first();
        if ((e.flags() & Act.Edge.RUNNABLE_LEFT) == 0 || f.runnable || f.rsc == null
            || (f.task.equals("stop") && !f.required)) {
          continue;
        }
        explain(f, done, visiting);
        String why;
        int rank;
        if (f.type == Act.Type.PSEUDO) {
          rank = 3;
          if (f.task.equals("start")) {
            why = f.rsc.isClone() ? null : f.reason;
          } else {
            why = "unrunnable " + f.rsc.id + " " + f.task;
          }
        } else if (f.rsc == a.rsc) {
          rank = f.reasonRank;
          why = f.reason;
        } else if (f.inheritedUnrunnable && f.node >= 0 && f.rsc.isPrimitive() && !f.rsc.state.activeNodes().isEmpty()) {
          rank = 4;
          why = "required " + f.rsc.id + " " + f.task;
        } else if (!f.inheritedUnrunnable || f.node < 0) {
          rank = 2;
          why = "unrunnable " + f.rsc.id + " " + f.task;
        } else {
          rank = 1;
          why = "unrunnable " + f.rsc.id + " " + f.task;
        }
        if (rank > a.reasonRank) {
          a.reason = why;
          a.reasonRank = rank;
        }
      }
    }
    visiting.remove(a);
    done.add(a);
  }

  private static String actionName(Act a) {
    return a.task;
  }

  // ---- recurring monitors ----

  private void recurring() {
    for (Rsc top : m.tops) {
      for (Rsc r : top.primitives()) {
        Act start = starts.get(r);
        if (r.state.primitive() == null || r.node < 0 || !managed(r) || !start.runnable) {
          continue;
        }
        String node = m.nodes.get(r.node).name();
        NodeHistory h = r.state.history(node);
        boolean starting = start.required;
        for (Op op : r.state.primitive().ops()) {
          if (!"monitor".equals(op.name())) {
            continue;
          }
          long interval = Durations.parseMillis(op.interval()).orElse(0L);
          if (interval <= 0 || !Booleans.isTrue(op.attr("enabled"), true)) {
            continue;
          }
          Role role = Role.parse(op.role()).orElse(null);
          if (role != null && role != Role.STARTED) {
            continue;
          }
          boolean exists = h != null && h.recurring().containsKey(interval);
          if (starting || !exists) {
            Act mon = add(new Act(Act.Type.RESOURCE, r, "monitor", interval, r.node));
            mon.required = true;
            monitors.add(mon);
            edge(start, mon, 0);
          }
        }
      }
    }
  }

  private void shutdowns() {
    for (int i = 0; i < m.nodes.size(); i++) {
      NodeStatus n = m.nodes.get(i);
      if (n.shutdown() && n.online() && !n.unclean()) {
        Act s = add(new Act(Act.Type.CLUSTER, null, "do_shutdown", 0, i));
        s.required = true;
        cluster.add(s);
        for (List<Act> list : stops.values()) {
          for (Act stop : list) {
            if (stop.node == i) {
              edge(stop, s, 0);
            }
          }
        }
      }
    }
  }
}
