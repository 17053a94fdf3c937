package org.vigil.pe.simulate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Clone;
import org.vigil.cib.model.Extras;
import org.vigil.cib.model.Lrm;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.Node;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.cib.model.Status;
import org.vigil.cib.model.Template;
import org.vigil.cib.model.TransientAttributes;
import org.vigil.pe.GraphAction;
import org.vigil.pe.Transition;

/**
 * Runs a transition the way crm_simulate does: in passes over the graph, each pass firing every
 * action whose predecessors are done, every action succeeding at once with the result the
 * scheduler expects. Resource actions are written into the node's resource history, fencing
 * takes the node out of the cluster and forgets its history and transient attributes, and a
 * fail-count reset removes the resource's fail counts on that node.
 */
public final class TransitionSimulator {
  /** The feature set recorded on simulated operations (Pacemaker 2.1.5's). */
  static final String FEATURE_SET = "3.16.2";

  private static final String SIMULATOR_UUID = "00000000-0000-0000-0000-000000000000";

  private final Cib cib;
  private final Instant now;
  private final Map<String, Primitive> primitives = new HashMap<>();
  private final Set<String> uniqueClonePrimitives = new HashSet<>();
  private final Map<String, NodeHistory> touched = new LinkedHashMap<>();
  private int nextCallId;

  private TransitionSimulator(Cib cib, Instant now) {
    this.cib = cib;
    this.now = now;
    Map<String, Template> templates = new HashMap<>();
    for (Resource r : cib.configuration().allResources()) {
      if (r instanceof Template t) {
        templates.put(t.id(), t);
      }
    }
    for (Resource r : cib.configuration().allResources()) {
      if (r instanceof Primitive p) {
        primitives.put(p.id(), withTemplate(p, templates));
      } else if (r instanceof Clone c && isTrue(meta(c, "globally-unique"))) {
        for (Resource inner : c.child().selfAndDescendants()) {
          uniqueClonePrimitives.add(inner.id());
        }
      }
    }
    int maxCall = 0;
    for (NodeState n : cib.status().nodeStates()) {
      for (LrmResource r : n.lrmResources()) {
        for (LrmRscOp op : r.ops()) {
          maxCall = Math.max(maxCall, op.call());
        }
      }
    }
    nextCallId = maxCall + 1;
  }

  /** Executes {@code transition} against {@code cib} as of {@code now}. */
  public static SimulatedExecution run(Cib cib, Transition transition, Instant now) {
    return new TransitionSimulator(cib, now).execute(transition.actions());
  }

  private SimulatedExecution execute(List<GraphAction> actions) {
    Map<Integer, Integer> positions = new HashMap<>(actions.size() * 2);
    for (int i = 0; i < actions.size(); i++) {
      positions.putIfAbsent(actions.get(i).id(), i);
    }
    // done by id: an id given to several actions is done once any of them is
    boolean[] done = new boolean[actions.size()];
    boolean[] fired = new boolean[actions.size()];
    List<String> lines = new ArrayList<>(actions.size());
    int remaining = actions.size();
    boolean progress = true;
    while (remaining > 0 && progress) {
      progress = false;
      for (int i = 0; i < actions.size(); i++) {
        GraphAction a = actions.get(i);
        if (fired[i] || !allDone(a.predecessors(), positions, done)) {
          continue;
        }
        fired[i] = true;
        remaining--;
        progress = true;
        lines.add(ActionLine.of(a));
        apply(a);
        done[positions.get(a.id())] = true;
      }
    }
    return new SimulatedExecution(lines, cib.withStatus(revisedStatus()), remaining == 0);
  }

  private static boolean allDone(List<Integer> ids, Map<Integer, Integer> positions, boolean[] done) {
    for (Integer id : ids) {
      Integer at = positions.get(id);
      if (at == null || !done[at]) {
        return false;
      }
    }
    return true;
  }

  private void apply(GraphAction a) {
    switch (a.kind()) {
      case RESOURCE -> applyResourceAction(a);
      case FENCE -> {
        if (!"on".equals(ActionLine.fenceType(a))) {
          node(a.node()).fence();
        }
      }
      case CLUSTER -> {
        // crm_simulate leaves the node as it is on do_shutdown: the node stays a member until
        // the cluster layer reports it gone, which a simulation never does.
        if ("clear_failcount".equals(a.task()) && a.resource() != null) {
          node(a.node()).clearFailures(historyId(a.resource()));
        }
      }
      case PSEUDO -> { }
      default -> throw new AssertionError(a.kind());
    }
  }

  private void applyResourceAction(GraphAction a) {
    String task = a.task();
    if (a.node() == null || task.equals("delete") || task.equals("notify") || task.equals("meta-data")) {
      return;
    }
    NodeHistory node = node(a.node());
    String base = baseOf(a.resource());
    // a probe asks about this node afresh: it never lands on another instance's record
    boolean probe = task.equals("monitor") && a.intervalMs() == 0;
    String rsc = node.existingHistoryOf(a.resource(),
            uniqueClonePrimitives.contains(base) || probe ? a.resource() : base)
        .orElse(historyId(a.resource()));
    if (task.equals("cancel")) {
      node.removeOp(rsc, rsc + "_monitor_" + a.intervalMs());
      return;
    }
    if (task.equals("stop")) {
      node.removeRecurring(rsc);
    }
    int rc = targetRc(a);
    int call = nextCallId++;
    String opId = a.intervalMs() > 0 ? rsc + "_" + task + "_" + a.intervalMs() : rsc + "_last_0";
    String key = a.id() + ":0:" + rc + ":" + SIMULATOR_UUID;
    long t = now.getEpochSecond();
    LrmRscOp op = new LrmRscOp(opId, rsc + "_" + task + "_" + a.intervalMs(), task, a.intervalMs(), rc, 0, call, key,
        "0:" + rc + ";" + key, a.attributes().get("op-digest"), t, a.intervalMs() > 0 ? null : t, 0L, 0L, null,
        a.node(), FEATURE_SET, Extras.NONE);
    node.putOp(rsc, this::lrmResourceFor, op);
  }

  /** The rc the scheduler expects: given with the action, else 7 for a probe, else 0. */
  private static int targetRc(GraphAction a) {
    String rc = a.attributes().get("target_rc");
    if (rc != null) {
      try {
        return Integer.parseInt(rc.trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return a.task().equals("monitor") && a.intervalMs() == 0 ? 7 : 0;
  }

  /** The configured primitive an instance id belongs to ({@code rsc:2} to {@code rsc}). */
  private String baseOf(String resource) {
    int colon = resource.lastIndexOf(':');
    if (colon > 0 && primitives.containsKey(resource.substring(0, colon))) {
      return resource.substring(0, colon);
    }
    return resource;
  }

  /**
   * The id a new history of the resource is kept under: an instance of an anonymous clone records
   * under the primitive's own id, an instance of a unique clone under {@code rsc:N}.
   */
  String historyId(String resource) {
    if (primitives.containsKey(resource)) {
      return resource;
    }
    int colon = resource.lastIndexOf(':');
    if (colon > 0) {
      String base = resource.substring(0, colon);
      if (primitives.containsKey(base) && !uniqueClonePrimitives.contains(base)) {
        return base;
      }
    }
    return resource;
  }

  private LrmResource lrmResourceFor(String historyId) {
    Primitive p = primitives.get(historyId);
    if (p == null) {
      int colon = historyId.lastIndexOf(':');
      p = colon > 0 ? primitives.get(historyId.substring(0, colon)) : null;
    }
    if (p == null) {
      return new LrmResource(historyId, null, null, null, null, List.of(), Extras.NONE);
    }
    return new LrmResource(historyId, p.type(), p.resourceClass(), p.provider(), null, List.of(), Extras.NONE);
  }

  private NodeHistory node(String uname) {
    return touched.computeIfAbsent(uname, u -> new NodeHistory(existingOrNew(u)));
  }

  private NodeState existingOrNew(String uname) {
    for (NodeState n : cib.status().nodeStates()) {
      if (uname.equals(n.uname())) {
        return n;
      }
    }
    String id = cib.configuration().findNode(uname).map(Node::id).orElse(uname);
    return new NodeState(id, uname, null, null, null, null, null, null, Extras.NONE);
  }

  private Status revisedStatus() {
    List<NodeState> states = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NodeState n : cib.status().nodeStates()) {
      NodeHistory h = n.uname() == null ? null : touched.get(n.uname());
      states.add(h == null ? n : h.build());
      if (n.uname() != null) {
        seen.add(n.uname());
      }
    }
    touched.forEach((uname, h) -> {
      if (!seen.contains(uname)) {
        states.add(h.build());
      }
    });
    Status s = cib.status();
    return new Status(states, s.tickets(), s.hasTicketsElement(), s.extras());
  }

  private static Primitive withTemplate(Primitive p, Map<String, Template> templates) {
    if (p.resourceClass() != null || p.template() == null || !templates.containsKey(p.template())) {
      return p;
    }
    Primitive t = templates.get(p.template()).definition();
    return new Primitive(p.id(), t.resourceClass(), t.provider(), t.type(), p.template(), p.description(),
        p.instanceAttributes(), p.metaAttributes(), p.utilization(), p.operations(), p.extras());
  }

  private static String meta(Resource r, String name) {
    for (NvSet s : r.metaAttributes()) {
      var v = s.get(name);
      if (v.isPresent()) {
        return v.get();
      }
    }
    return null;
  }

  private static boolean isTrue(String v) {
    if (v == null) {
      return false;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1", "y" -> true;
      default -> false;
    };
  }

  /**
   * One node's status being rewritten: membership, transient attributes and history. Only the
   * records an action changes are rebuilt; the others stay the objects the CIB had, so that
   * whoever reads the revised status can tell which histories are new.
   */
  private static final class NodeHistory {
    private NodeState state;
    private final LinkedHashMap<String, LrmResource> resources = new LinkedHashMap<>();
    /** The operations of the records changed (or added) here, by operation id. */
    private final Map<String, LinkedHashMap<String, LrmRscOp>> edited = new HashMap<>();
    /**
     * The ids of {@link #resources} in their order, under each base they are a record of
     * ({@link #isInstanceRecord}): their own id and, for {@code base:N}, {@code base}. An
     * anonymous instance's action looks its records up here instead of scanning the node.
     * Made when first needed.
     */
    private Map<String, List<String>> recordsByBase;

    NodeHistory(NodeState state) {
      this.state = state;
      List<LrmResource> records = state.lrmResources();
      for (LrmResource r : records) {
        resources.put(r.id(), r);
      }
    }

    /**
     * The id under which this node already keeps the history of {@code instance}: the
     * instance's own id, else (for an anonymous clone instance, whose {@code base} is its
     * primitive) the primitive's or another instance's.
     */
    java.util.Optional<String> existingHistoryOf(String instance, String base) {
      if (!base.equals(instance)) {
        List<String> records = records().getOrDefault(base, List.of());
        // an anonymous instance acts on the record that is active here, whatever its number
        for (String id : records) {
          if (activeHere(id)) {
            return java.util.Optional.of(id);
          }
        }
      }
      if (resources.containsKey(instance)) {
        return java.util.Optional.of(instance);
      }
      if (base.equals(instance)) {
        return java.util.Optional.empty();
      }
      if (resources.containsKey(base)) {
        return java.util.Optional.of(base);
      }
      for (String id : records().getOrDefault(base, List.of())) {
        if (!id.equals(base)) {
          return java.util.Optional.of(id);
        }
      }
      return java.util.Optional.empty();
    }

    /** Whether {@code id} is a history record of {@code base}: {@code base} itself or {@code base:N}. */
    private static boolean isInstanceRecord(String id, String base) {
      return id.equals(base)
          || id.startsWith(base + ":") && id.substring(base.length() + 1).chars().allMatch(Character::isDigit);
    }

    private Map<String, List<String>> records() {
      if (recordsByBase == null) {
        recordsByBase = new HashMap<>();
        resources.keySet().forEach(this::indexRecord);
      }
      return recordsByBase;
    }

    private void indexRecord(String id) {
      recordsByBase.computeIfAbsent(id, k -> new ArrayList<>(1)).add(id);
      int colon = id.lastIndexOf(':');
      if (colon >= 0 && isInstanceRecord(id, id.substring(0, colon))) {
        recordsByBase.computeIfAbsent(id.substring(0, colon), k -> new ArrayList<>()).add(id);
      }
    }

    /**
     * Whether the record's last one-shot operation left the resource running here; a failure
     * other than "not running" leaves it active (failed), as the scheduler sees it.
     */
    private boolean activeHere(String id) {
      LrmRscOp last = null;
      for (LrmRscOp o : currentOps(id)) {
        // a notification says nothing about whether it runs
        if (o.intervalMs() == 0 && o.status() == 0 && !o.operation().equals("notify")
            && (last == null || o.call() >= last.call())) {
          last = o;
        }
      }
      if (last == null) {
        return false;
      }
      return switch (last.operation()) {
        case "start", "promote", "demote", "migrate_from", "monitor" -> last.rc() != 7;
        default -> false;
      };
    }

    /** Records a result under {@code rsc} (a new record made by {@code fresh}); what was pending there has finished. */
    void putOp(String rsc, java.util.function.Function<String, LrmResource> fresh, LrmRscOp op) {
      if (!resources.containsKey(rsc)) {
        resources.put(rsc, fresh.apply(rsc));
        if (recordsByBase != null) {
          indexRecord(rsc);
        }
      }
      LinkedHashMap<String, LrmRscOp> byId = editable(rsc);
      byId.values().removeIf(o -> o.status() == -1);
      byId.remove(op.id());
      byId.put(op.id(), op);
    }

    void removeOp(String rsc, String opId) {
      if (resources.containsKey(rsc)) {
        editable(rsc).remove(opId);
      }
    }

    void removeRecurring(String rsc) {
      if (resources.containsKey(rsc)) {
        editable(rsc).values().removeIf(o -> o.intervalMs() > 0 && (o.rc() == 0 || o.rc() == 8));
      }
    }

    /** The operations of record {@code id} (none when there is no such record), by id: later records of an id win. */
    private java.util.Collection<LrmRscOp> currentOps(String id) {
      LinkedHashMap<String, LrmRscOp> changed = edited.get(id);
      if (changed != null) {
        return changed.values();
      }
      LrmResource r = resources.get(id);
      if (r == null) {
        return List.of();
      }
      return uniqueOpIds(r) ? r.ops() : byOpId(r).values();
    }

    private LinkedHashMap<String, LrmRscOp> editable(String id) {
      return edited.computeIfAbsent(id, k -> byOpId(resources.get(k)));
    }

    private static LinkedHashMap<String, LrmRscOp> byOpId(LrmResource r) {
      LinkedHashMap<String, LrmRscOp> byId = new LinkedHashMap<>();
      r.ops().forEach(o -> byId.put(o.id(), o));
      return byId;
    }

    /** Whether no two operations of the record share an id (so that it can be kept as it is). */
    private static boolean uniqueOpIds(LrmResource r) {
      List<LrmRscOp> ops = r.ops();
      for (int i = 1; i < ops.size(); i++) {
        for (int j = 0; j < i; j++) {
          if (java.util.Objects.equals(ops.get(i).id(), ops.get(j).id())) {
            return false;
          }
        }
      }
      return true;
    }

    void fence() {
      resources.clear();
      recordsByBase = null;
      edited.clear();
      state = new NodeState(state.id(), state.uname(), "false", "offline", "down", "down", null, null, state.extras());
    }

    void clearFailures(String rsc) {
      TransientAttributes ta = state.transientAttributes();
      if (ta == null) {
        return;
      }
      List<NvSet> sets = new ArrayList<>();
      for (NvSet s : ta.sets()) {
        List<NvPair> kept = new ArrayList<>();
        for (NvPair p : s.pairs()) {
          if (!isFailureOf(p.name(), rsc)) {
            kept.add(p);
          }
        }
        sets.add(new NvSet(s.id(), s.idRef(), s.score(), s.rule(), kept, s.extras()));
      }
      state = new NodeState(state.id(), state.uname(), state.inCcm(), state.crmd(), state.join(), state.expected(),
          new TransientAttributes(ta.id(), sets, ta.extras()), state.lrm(), state.extras());
    }

    private static boolean isFailureOf(String name, String rsc) {
      for (String prefix : List.of("fail-count-", "last-failure-")) {
        if (name != null && name.startsWith(prefix)) {
          String rest = name.substring(prefix.length());
          return rest.equals(rsc) || rest.startsWith(rsc + "#");
        }
      }
      return false;
    }

    NodeState build() {
      if (resources.isEmpty() && state.lrm() == null) {
        return state;
      }
      List<LrmResource> out = new ArrayList<>(resources.size());
      resources.forEach((id, r) -> {
        LinkedHashMap<String, LrmRscOp> changed = edited.get(id);
        if (changed == null && uniqueOpIds(r)) {
          out.add(r);
        } else {
          out.add(new LrmResource(r.id(), r.type(), r.resourceClass(), r.provider(), r.container(),
              new ArrayList<>(changed != null ? changed.values() : byOpId(r).values()), r.extras()));
        }
      });
      Lrm old = state.lrm();
      Lrm lrm = old == null ? new Lrm(state.id(), null, out, Extras.NONE) : new Lrm(old.id(), old.resourcesId(), out, old.extras());
      return new NodeState(state.id(), state.uname(), state.inCcm(), state.crmd(), state.join(), state.expected(),
          state.transientAttributes(), lrm, state.extras());
    }
  }
}
