package org.vigil.pe.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cib.model.Clone;
import org.vigil.cib.model.Group;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Op;
import org.vigil.cib.model.Resource;
import org.vigil.cib.model.Role;
import org.vigil.cib.values.Booleans;
import org.vigil.cib.values.Durations;
import org.vigil.pe.rules.RuleContext;
import org.vigil.pe.status.ClusterOptions;
import org.vigil.pe.status.ClusterStatus;
import org.vigil.pe.status.Migrations;
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
  final Migration migration;
  private final Unfencing unfencing;

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
  final Map<Rsc, Act> reloads = new HashMap<>();
  private final List<Rsc> reloadCandidates = new ArrayList<>();

  Planner(Model m) {
    this.m = m;
    this.options = m.state.options();
    this.migration = new Migration(m);
    this.unfencing = new Unfencing(m);
  }

  void plan() {
    fencing();
    for (Rsc top : m.tops) {
      create(top);
    }
    unfencing.apply(this);
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
    m.oneOrMore.forEach(this::oneOrMore);
    m.tops.forEach(this::blockWithUnplacedBundle);
    new Utilization(m).orderLoad(this);
    migration.decide(this);
    for (Act a : acts) {
      if (a.required) {
        requiredOnTheirOwn.add(a);
      }
    }
    propagate();
    new RestartReasons(requiredOnTheirOwn).assign(acts);
    explain();
    reloads();
    recurring();
    shutdowns();
    Notifications.add(this);
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
    DefinitionChange change = managed && active.contains(t) ? definitionChange(r, t) : DefinitionChange.NONE;
    boolean changed = change == DefinitionChange.RESTART || change == DefinitionChange.RESTART_AFRESH
        || unfencing.agentChanged(r, t) && active.contains(t);
    if (change == DefinitionChange.RELOAD) {
      reloadCandidates.add(r);
    }
    List<Act> stopActs = new ArrayList<>();
    for (int c : active) {
      Act stop = add(new Act(Act.Type.RESOURCE, r, "stop", 0, c));
      stop.required = managed && (c != t || m.failedOn(r, m.nodes.get(c).name()) || multiple || changed
          || presumedActive(r, c));
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
      start.required = t >= 0 && (!active.contains(t) || failedThere || multiple || changed || presumedActive(r, t));
      start.runnable = t >= 0;
      if (change == DefinitionChange.RESTART && !failedThere) {
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
    danglingStops(r, start, managed);
    probes(r);
  }

  private boolean presumedActive(Rsc r, int node) {
    NodeHistory h = r.state.history(m.nodes.get(node).name());
    return h != null && Migrations.presumedActive(r.state, h);
  }

  /**
   * A source a migration completed away from still needs its stop; it is no move of its own
   * (no summary line), and comes before the resource starts anywhere else.
   */
  private void danglingStops(Rsc r, Act start, boolean managed) {
    for (NodeHistory h : r.state.histories().values()) {
      if (!Migrations.danglingSource(h)) {
        continue;
      }
      Integer node = m.nodeIndex.get(h.node());
      if (node == null || !m.nodes.get(node).online()) {
        continue;
      }
      Act stop = add(new Act(Act.Type.RESOURCE, r, "stop", 0, node));
      stop.required = managed;
      stop.runnable = managed && !m.nodes.get(node).unclean();
      edge(stop, start, 0);
    }
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
      boolean demoteFailed = m.demoteOnFailure(r, m.nodes.get(stop.node).name());
      demote.required = managed && (r.nextRole != Role.PROMOTED || stop.node != t || demoteFailed);
      demote.runnable = managed && stop.runnable;
      if (stop.attributes.containsKey("implied-by-fencing")) {
        demote.attributes.put("implied-by-fencing", "true");
      }
      edge(demote, stop, Act.Edge.IMPLIES_FIRST);
      demotes.put(r, demote);
    }
    if (t >= 0 && r.nextRole == Role.PROMOTED) {
      NodeHistory h = r.state.history(m.nodes.get(t).name());
      // a Promoted instance that failed with on-fail=demote is demoted and promoted again
      boolean already = h != null && h.role() == Role.PROMOTED && h.active()
          && !m.demoteOnFailure(r, m.nodes.get(t).name());
      Act promote = add(new Act(Act.Type.RESOURCE, r, "promote", 0, t));
      promote.required = managed && !already;
      promote.runnable = managed;
      edge(start, promote, Act.Edge.RUNNABLE_LEFT | Act.Edge.IMPLIES_THEN);
      Act demote = demotes.get(r);
      if (demote != null && demote.node == t) {
        edge(demote, promote, 0);
      }
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
  /** First is a clone instance standing for its clone: a requirement it passes on names the clone's running (promoted). */
  static final int FOR_CLONE = 128;
  /** First unrunnable gives then a reason only when it has one itself (interleaved clone instances). */
  static final int SILENT = 64;
  /** With RUNNABLE_LEFT: first unrunnable makes then unrunnable only once then is required (or printed). */
  static final int IF_THEN_REQUIRED = 256;

  List<Integer> activeNodes(Rsc r) {
    List<Integer> out = new ArrayList<>();
    for (String node : r.state.activeNodes()) {
      Integer idx = m.nodeIndex.get(node);
      if (idx != null) {
        out.add(idx);
      }
    }
    if (out.size() > 1 && isFencingDevice(r) && out.stream().anyMatch(i -> !m.nodes.get(i).unclean())) {
      // a fencing device also running where it is still needed is left alone on the nodes
      // being fenced: fencing them ends those copies
      out.removeIf(i -> m.nodes.get(i).unclean());
    }
    return out;
  }

  private static boolean isFencingDevice(Rsc r) {
    return r.state.primitive() != null && "stonith".equals(r.state.primitive().resourceClass());
  }

  private DefinitionChange definitionChange(Rsc r, int t) {
    NodeHistory h = r.state.history(m.nodes.get(t).name());
    if (r.state.primitive() == null || h == null || m.implicit.contains(r)) {
      return DefinitionChange.NONE;
    }
    return DefinitionChange.of(m.digests, r.state.primitive(), inheritedParams(r), h, recorded(m.nodes.get(t).name(),
        h.recordedId()), ruleContext(t));
  }

  /** The instance attribute sets of a primitive's group and clone, closest first. */
  private List<List<NvSet>> inheritedParams(Rsc r) {
    if (inherited == null) {
      inherited = new InheritedParams(m.state.cib().configuration());
    }
    return inherited.of(r.state);
  }

  private InheritedParams inherited;

  /** The {@code lrm_resource} a node's history of a resource was read from. */
  private LrmResource recorded(String node, String recordedId) {
    if (recordedResources == null) {
      recordedResources = new HashMap<>();
      for (NodeState ns : m.state.cib().status().nodeStates()) {
        Map<String, LrmResource> onNode = recordedResources.computeIfAbsent(ns.uname(),
            k -> new HashMap<>(ns.lrmResources().size() * 2));
        for (LrmResource lr : ns.lrmResources()) {
          onNode.putIfAbsent(lr.id(), lr);
        }
      }
    }
    Map<String, LrmResource> onNode = recordedResources.get(node);
    return onNode == null ? null : onNode.get(recordedId);
  }

  /** The history records by node, then by id (the first of an id on a node). */
  private Map<String, Map<String, LrmResource>> recordedResources;

  private RuleContext ruleContext(int node) {
    return new RuleContext(m.nodes.get(node).attributes(), m.state.now(), Map.of(), Map.of());
  }

  /**
   * A reload where only reloadable parameters changed, unless the resource restarts anyway
   * (an ordering made its start required): then the restart covers the change.
   */
  private void reloads() {
    for (Rsc r : reloadCandidates) {
      Act start = starts.get(r);
      if (start.required || !start.runnable) {
        continue;
      }
      Act reload = add(new Act(Act.Type.RESOURCE, r, "reload-agent", 0, r.node));
      reload.required = true;
      reloads.put(r, reload);
    }
  }

  private void probes(Rsc r) {
    ResourceState st = r.state;
    if (st.orphan() || options.maintenanceMode()) {
      return;
    }
    boolean[] probing = probingNodes();
    for (int i = 0; i < m.nodes.size(); i++) {
      NodeStatus n = m.nodes.get(i);
      if (!probing[i] || st.probedOn(n.name())) {
        continue;
      }
      if (m.remotes.keptOff(r, n.kind()) || !m.discoverable(r, i) || m.containers.containerStoppedOn(r, n.name())) {
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

  /** The nodes where resources may be probed at all (worked out once, for every resource). */
  private boolean[] probingNodes() {
    if (probingNodes == null) {
      probingNodes = new boolean[m.nodes.size()];
      for (int i = 0; i < m.nodes.size(); i++) {
        NodeStatus n = m.nodes.get(i);
        probingNodes[i] = m.remotes.probeable(i) && !n.unclean() && !n.pending() && !n.maintenance()
            && !m.remotes.inBundle(i);
      }
    }
    return probingNodes;
  }

  private boolean[] probingNodes;

  /**
   * An anonymous clone is probed once per node, by one instance: none when any instance has
   * history there; else the instance assigned there, or the first one active nowhere.
   */
  private boolean probesFor(Rsc r, int node) {
    List<Rsc> siblings = siblings(r);
    Object[] byNode = probers.computeIfAbsent(siblings, k -> new Object[m.nodes.size()]);
    if (byNode[node] == null) {
      Rsc chosen = prober(siblings, node);
      byNode[node] = chosen == null ? NO_PROBE : chosen;
    }
    return byNode[node] == r;
  }

  /** Which of {@link #siblings} probes a node (they all ask), by node; {@link #NO_PROBE} when none does. */
  private final Map<List<Rsc>, Object[]> probers = new java.util.IdentityHashMap<>();

  private static final Object NO_PROBE = new Object();

  /** The instance that probes {@code node} for its siblings, or null when some instance has history there. */
  private Rsc prober(List<Rsc> siblings, int node) {
    String nodeName = m.nodes.get(node).name();
    Rsc chosen = null;
    for (Rsc p : siblings) {
      if (p.state.probedOn(nodeName)) {
        return null;
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
    return chosen == null ? siblings.get(0) : chosen;
  }

  private final Map<String, List<Rsc>> siblings = new HashMap<>();

  /** The instances of the same primitive in the same clone. */
  private List<Rsc> siblings(Rsc r) {
    return siblingsOf.computeIfAbsent(r, this::findSiblings);
  }

  private final Map<Rsc, List<Rsc>> siblingsOf = new java.util.IdentityHashMap<>();

  private List<Rsc> findSiblings(Rsc r) {
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
      boolean anyPromoted = false;
      for (Rsc inst : r.children) {
        for (Rsc prim : inst.primitives()) {
          Act pr = promotes.get(prim);
          if (pr != null) {
            anyPromoted = true;
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
      if (!anyPromoted) {
        // no instance will be Promoted: what waits for the clone's promotion cannot happen
        p[PROMOTE].runnable = false;
        p[PROMOTED].runnable = false;
      }
      edge(p[RUNNING], p[PROMOTE], 0);
      edge(p[DEMOTED], p[STOP], 0);
      edge(p[DEMOTE], p[DEMOTED], 0);
      edge(p[PROMOTE], p[PROMOTED], 0);
    }
    if (r.orderedGroup()) {
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
  List<Act> startsOf(Rsc r) {
    return r.isPrimitive() ? List.of(starts.get(r)) : List.of(pseudo.get(r)[START]);
  }

  /** A collective's pseudo-action for {@code task} (start, running, stop, stopped, promote...). */
  Act collective(Rsc r, String task) {
    int i = switch (task) {
      case "start" -> START;
      case "running" -> RUNNING;
      case "stop" -> STOP;
      case "stopped" -> STOPPED;
      case "promote" -> PROMOTE;
      case "promoted" -> PROMOTED;
      case "demote" -> DEMOTE;
      case "demoted" -> DEMOTED;
      default -> throw new IllegalArgumentException(task);
    };
    return pseudo.get(r)[i];
  }

  List<Act> runningOf(Rsc r) {
    return r.isPrimitive() ? List.of(starts.get(r)) : List.of(pseudo.get(r)[RUNNING]);
  }

  List<Act> stopsOf(Rsc r) {
    return r.isPrimitive() ? stops.get(r) : List.of(pseudo.get(r)[STOP]);
  }

  List<Act> stoppedOf(Rsc r) {
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
      if (o.asymmetrical()) {
        flags |= IF_THEN_REQUIRED;
      }
    } else if (o.thenAction().equals("start") && "restart".equals(o.then().meta.get("restart-type").orElse(null))) {
      // the deprecated restart-type=restart: restarted whenever what it is ordered after starts
      flags = Act.Edge.IMPLIES_THEN;
    }
    if (Interleave.applies(o)) {
      Interleave.order(this, o, flags);
      return;
    }
    if ((flags & Act.Edge.IMPLIES_THEN) != 0 && o.first().isClone() && !o.then().isClone()
        && o.firstAction().equals("start")) {
      cloneThenSingle(o, flags);
      return;
    }
    if ((flags & Act.Edge.IMPLIES_THEN) != 0 && o.first().promotable && o.firstAction().equals("promote")) {
      promotedThen(o, flags);
      return;
    }
    for (Act f : firstActs(o.first(), o.firstAction())) {
      for (Act t : thenActs(o.then(), o.thenAction())) {
        edge(f, t, flags);
      }
    }
  }

  /**
   * A pseudo-action that runs once {@code min} of the firsts can, after those that do; what
   * follows waits for it.
   */
  private void oneOrMore(OneOrMore o) {
    Act gate = add(new Act(Act.Type.PSEUDO, null, o.name(), 0, -1));
    gate.anyLeftMin = o.min();
    for (Rsc f : o.firsts()) {
      for (Act a : firstActs(f, o.firstAction())) {
        edge(a, gate, Act.Edge.RUNNABLE_LEFT | Act.Edge.ANY_LEFT | Act.Edge.IMPLIES_THEN);
      }
    }
    // starting more of the firsts restarts nothing that follows
    int flags = o.kind() == Ordering.Kind.MANDATORY ? Act.Edge.RUNNABLE_LEFT : 0;
    for (Rsc t : o.thens()) {
      for (Act b : thenActs(t, o.thenAction())) {
        edge(gate, b, flags);
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
        // fencing a guest means restarting its container
        for (Act cs : stops.getOrDefault(l.container(), List.of())) {
          cs.required |= managed(l.container());
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

  /**
   * A clone ordered before a resource that is not a clone: it waits for the clone as a whole,
   * but only instances that were running (and restart) restart it; a new instance does not.
   */
  private void cloneThenSingle(Ordering o, int flags) {
    List<Act> thens = thenActs(o.then(), o.thenAction());
    for (Act f : firstActs(o.first(), o.firstAction())) {
      for (Act t : thens) {
        edge(f, t, flags & ~Act.Edge.IMPLIES_THEN);
      }
    }
    for (Rsc inst : o.first().children) {
      if (inst.primitives().stream().allMatch(x -> x.state.activeNodes().isEmpty())) {
        continue;
      }
      for (Act f : runningOf(inst)) {
        for (Act t : thens) {
          edge(f, t, Act.Edge.IMPLIES_THEN | FOR_CLONE);
        }
      }
    }
  }

  /**
   * What follows a promotable clone's promotion waits for it; what restarts it: for a clone,
   * a new Promoted instance (not one promoted again where it was Promoted already), for a
   * resource that is not a clone, only an instance promoted again (as for starts).
   */
  private void promotedThen(Ordering o, int flags) {
    List<Act> thens = thenActs(o.then(), o.thenAction());
    for (Act f : firstActs(o.first(), o.firstAction())) {
      for (Act t : thens) {
        edge(f, t, flags & ~Act.Edge.IMPLIES_THEN);
      }
    }
    for (Rsc prim : o.first().primitives()) {
      Act promote = promotes.get(prim);
      NodeHistory h = promote == null ? null : prim.state.history(m.nodes.get(promote.node).name());
      boolean again = h != null && h.role() == Role.PROMOTED;
      if (promote == null || again == o.then().isClone()) {
        continue;
      }
      for (Act t : thens) {
        edge(promote, t, Act.Edge.IMPLIES_THEN | FOR_CLONE);
      }
    }
  }

  // ---- propagation ----

  private void propagate() {
    Deque<Act> work = new ArrayDeque<>(acts);
    while (!work.isEmpty()) {
      Act a = work.poll();
      for (Act.Edge e : a.out) {
        Act t = e.then();
        boolean blocks = blocks(a);
        boolean waits = (e.flags() & IF_THEN_REQUIRED) == 0 || t.required || t.printed;
        if ((e.flags() & Act.Edge.RUNNABLE_LEFT) != 0 && blocks && waits && t.runnable) {
          if ((e.flags() & Act.Edge.ANY_LEFT) == 0 || noRunnableAnyLeft(t)) {
            t.runnable = false;
            t.inheritedUnrunnable = true;
            work.add(t);
          }
        }
        // an action that will not run implies nothing
        if ((e.flags() & Act.Edge.IMPLIES_THEN) != 0 && a.required && a.runnable && !t.required) {
          t.required = true;
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
        // a then that has become required now waits for the unrunnable first it skipped
        if ((e.flags() & IF_THEN_REQUIRED) != 0 && (e.flags() & Act.Edge.RUNNABLE_LEFT) != 0
            && (a.required || a.printed) && a.runnable && blocks(f)) {
          a.runnable = false;
          a.inheritedUnrunnable = true;
          work.add(a);
        }
      }
    }
  }

  /** An unrunnable action blocks what must follow it; a stop that will not happen blocks nothing. */
  private static boolean blocks(Act a) {
    return !a.runnable && (a.required || !a.task.equals("stop"));
  }

  /**
   * Why {@code e}'s first being required makes its then required: "required A task"; what a
   * collective's start (or a collective around it) starts gives the reason that was given
   * to the collective; null for no reason (an action of the resource itself).
   */
  static String reasonThrough(Act.Edge e) {
    Act a = e.first();
    Act t = e.then();
    if (a.rsc == null || a.rsc == t.rsc) {
      return null;
    }
    if ((e.flags() & FOR_CLONE) != 0) {
      Rsc clone = a.rsc.enclosingClone();
      if (Notifications.enabled(clone)) {
        // what follows a notifying clone waits for its confirmed post-notification
        return "required " + clone.id + " notified";
      }
      return "required " + clone.id + (a.task.equals("promote") ? " promoted" : " running");
    }
    if (a.type == Act.Type.PSEUDO && (a.task.equals("start") || within(t.rsc, a.rsc) && a.requiredBy != null)) {
      return a.requiredBy;
    }
    return "required " + a.rsc.id + " " + actionName(a);
  }

  private static boolean within(Rsc r, Rsc ancestor) {
    for (Rsc p = r == null ? null : r.parent; p != null; p = p.parent) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** Actions required before any ordering was followed (a move's start, a recovery...). */
  private final java.util.Set<Act> requiredOnTheirOwn = new java.util.HashSet<>();

  /** Resources that must run with one whose start cannot run cannot start either. */
  private void blockColocated(Act start, Deque<Act> work) {
    for (Coloc c : start.rsc.asPrimary) {
      if (c.score() < org.vigil.cib.values.Score.INFINITY || c.id().startsWith("group:")) {
        continue;
      }
      for (Act s : startsOf(c.dependent())) {
        // one made unrunnable by an ordering from the same resource was blocked by the
        // colocation first (Pacemaker blocks before it follows the orderings on)
        boolean byOrdering = !s.runnable && s.inheritedUnrunnable && s.reason == null && follows(s, start)
            && !m.implicit.contains(s.rsc) && !m.remotes.isConnection(s.rsc);
        if (s.runnable || byOrdering) {
          s.runnable = false;
          s.inheritedUnrunnable = true;
          if (s.reasonRank < 3) {
            s.reason = "colocation with " + start.rsc.id;
            s.reasonRank = 3;
            s.ownReason = true;
          }
          if (!byOrdering) {
            work.add(s);
          }
        }
      }
    }
  }

  /**
   * A bundle none of whose containers is placed cannot start: what must run with it cannot
   * start either, down to the primitive inside a dependent bundle, which may be placed in its
   * guest node all the same ("colocation with" the bundle's first container).
   */
  private void blockWithUnplacedBundle(Rsc bundle) {
    if (!m.isBundle(bundle) || bundle.children.isEmpty() || bundle.children.stream().anyMatch(c -> c.node >= 0)) {
      return;
    }
    String reason = "colocation with " + bundle.children.get(0).id;
    for (Coloc c : bundle.asPrimary) {
      if (c.score() < org.vigil.cib.values.Score.INFINITY) {
        continue;
      }
      List<Rsc> blocked = new ArrayList<>(c.dependent().primitives());
      Rsc inner = m.isBundle(c.dependent()) ? m.bundleChild(c.dependent()) : null;
      if (inner != null && inner != c.dependent()) {
        blocked.addAll(inner.primitives());
      }
      for (Rsc r : blocked) {
        Act s = starts.get(r);
        if (s != null && s.node >= 0 && s.runnable) {
          s.runnable = false;
          s.inheritedUnrunnable = true;
          s.reason = reason;
          s.reasonRank = 3;
          s.ownReason = true;
        }
      }
    }
  }

  private static boolean follows(Act then, Act first) {
    for (Act.Edge e : then.in) {
      if (e.first() == first && (e.flags() & Act.Edge.RUNNABLE_LEFT) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Fewer of its any-left firsts can run (somewhere) than it needs. */
  private static boolean noRunnableAnyLeft(Act t) {
    int runnable = 0;
    for (Act.Edge e : t.in) {
      Act f = e.first();
      boolean placed = f.node >= 0 || f.type == Act.Type.PSEUDO && f.rsc != null && f.rsc.node >= 0;
      if ((e.flags() & Act.Edge.ANY_LEFT) != 0 && f.runnable && placed && ++runnable >= t.anyLeftMin) {
        return false;
      }
    }
    return true;
  }

  /**
   * Gives every action made unrunnable by what it must follow the strongest of the causes,
   * strongest first: a running resource that cannot restart ("required X start"); a
   * collective's pseudo-action (a start passes its own cause on, others name themselves:
   * "unrunnable grp running"); a resource that cannot start
   * on its own account ("unrunnable X start"); a stopped resource blocked by something else.
   */
  private void explain() {
    for (Act a : acts) {
      explain(a);
    }
  }

  private void explain(Act a) {
    if (a.explained != Act.Walk.NOT_SEEN) {
      return;
    }
    a.explained = Act.Walk.ON_PATH;
    if (!a.runnable && a.inheritedUnrunnable) {
      for (Act.Edge e : a.in) {
        Act f = e.first();
        if ((e.flags() & Act.Edge.RUNNABLE_LEFT) == 0 || f.runnable
            || f.rsc == null && f.type != Act.Type.PSEUDO || (f.task.equals("stop") && !f.required)) {
          continue;
        }
        explain(f);
        if ((e.flags() & SILENT) != 0 && f.reason == null) {
          continue;
        }
        if (a.ownReason && ("colocation with " + f.rsc.id).equals(a.reason)) {
          if (!restartedByCompletion(f)) {
            continue;
          }
          // the restart of f made a required (or unrunnable) before f's colocations were blocked
          a.reason = null;
          a.reasonRank = 0;
          a.ownReason = false;
        }
        String why;
        int rank;
        if (f.rsc == null) {
          // a one-or-more gate names itself
          rank = 3;
          why = "unrunnable " + f.task;
        } else if (f.type == Act.Type.PSEUDO) {
          rank = 3;
          if (f.task.equals("start")) {
            why = f.reason;
          } else if (f.rsc.isClone() && f.task.equals("running") && a.rsc != null && !requiredOnTheirOwn.contains(a)
              && f.rsc.primitives().stream().anyMatch(this::restartCannotRun)) {
            // a running clone kept from running on: the restart of an instance is required first
            why = "required " + completion(f);
          } else {
            why = "unrunnable " + completion(f);
          }
        } else if (f.rsc == a.rsc) {
          rank = f.reasonRank;
          why = f.reason;
        } else if ((f.inheritedUnrunnable && f.node >= 0 || a.type == Act.Type.PSEUDO && a.rsc != null && a.rsc.isClone())
            && f.rsc.isPrimitive() && !f.rsc.state.activeNodes().isEmpty() && !startsFromStopped(a)
            && !requiredOnTheirOwn.contains(a)) {
          // a running resource that cannot start again (here or, for a clone after it, anywhere);
          // a resource that was not running is blocked by the cause itself, not by that restart,
          // and one required already (moving) cannot be made required by it
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
          a.cause = f;
        }
      }
    }
    a.explained = Act.Walk.DONE;
  }

  /**
   * Whether {@code f}, a start that cannot run, is a restart made unrunnable by a collective's
   * completion. Pacemaker blocks what must run with a resource once the update that made its
   * start unrunnable ends; only such a restart is followed on through its orderings within that
   * update, so what comes after it reads the ordering's reason rather than the colocation.
   */
  private boolean restartedByCompletion(Act f) {
    boolean byCompletion = f.cause != null && f.cause.type == Act.Type.PSEUDO && f.cause.task.equals("running");
    return byCompletion && f.node >= 0 && f.rsc.state != null
        && f.rsc.state.activeNodes().contains(m.nodes.get(f.node).name());
  }

  /**
   * A collective's completion as reasons name it: a bundle's, not its primitive's clone's; a
   * notifying clone is running once its post-notification is confirmed ("notified").
   */
  private String completion(Act f) {
    Rsc bundle = m.bundleOf(f.rsc);
    String id = bundle != null ? bundle.id : f.rsc.id;
    String task = f.task.equals("running") && Notifications.enabled(f.rsc) ? "notified" : f.task;
    return id + " " + task;
  }

  /** A running primitive whose start here is required (a restart) but cannot run. */
  private boolean restartCannotRun(Rsc x) {
    Act s = starts.get(x);
    return !x.state.activeNodes().isEmpty() && s.required && !s.runnable && s.node >= 0;
  }

  private static boolean startsFromStopped(Act a) {
    return a.rsc != null && a.rsc.isPrimitive() && a.rsc.state.activeNodes().isEmpty();
  }

  private static String actionName(Act a) {
    return a.task;
  }

  // ---- recurring monitors ----

  private void recurring() {
    long defaultTimeout = DefinitionChange.defaultTimeoutMs(opDefaults());
    for (Rsc top : m.tops) {
      for (Rsc r : top.primitives()) {
        recurring(r, defaultTimeout);
      }
    }
  }

  /** The recurring monitors a primitive needs where it is placed: all of them when it starts there. */
  private void recurring(Rsc r, long defaultTimeout) {
    Act start = starts.get(r);
    if (r.state.primitive() == null || r.node < 0 || !managed(r) || !start.runnable) {
      return;
    }
    String node = m.nodes.get(r.node).name();
    NodeHistory h = r.state.history(node);
    boolean starting = start.required;
    Act reload = reloads.get(r);
    for (Op op : r.state.primitive().ops()) {
      if (!"monitor".equals(op.name())) {
        continue;
      }
      long interval = intervalMs(op);
      if (interval <= 0 || !Booleans.isTrue(op.attr("enabled"), true)) {
        continue;
      }
      Role role = Role.parse(op.role()).orElse(null);
      if (role != null && role != Role.STARTED) {
        continue;
      }
      LrmRscOp last = h == null ? null : h.recurring().get(interval);
      boolean current = last != null && (m.implicit.contains(r)
          || !DefinitionChange.monitorChanged(m.digests, r.state.primitive(), inheritedParams(r), last, op,
              ruleContext(r.node), defaultTimeout));
      if (starting || !current) {
        Act mon = add(new Act(Act.Type.RESOURCE, r, "monitor", interval, r.node));
        mon.required = true;
        monitors.add(mon);
        edge(start, mon, 0);
        if (reload != null) {
          edge(reload, mon, 0);
        }
      }
    }
  }

  /** An operation's interval in ms, 0 when it has none (the same few intervals recur everywhere). */
  private long intervalMs(Op op) {
    Long ms = intervals.get(op.interval());
    if (ms == null) {
      ms = Durations.parseMillis(op.interval()).orElse(0L);
      intervals.put(op.interval(), ms);
    }
    return ms;
  }

  private final Map<String, Long> intervals = new HashMap<>();

  private Map<String, String> opDefaults() {
    if (opDefaults == null) {
      opDefaults = ClusterStatus.firstWins(m.state.cib().configuration().opDefaults(), m.state.now());
    }
    return opDefaults;
  }

  private Map<String, String> opDefaults;

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
