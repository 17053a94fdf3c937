package org.vigil.pe.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.cib.model.Bundle;
import org.vigil.cib.model.Clone;
import org.vigil.cib.model.Group;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.cib.model.Role;
import org.vigil.cib.model.Template;
import org.vigil.cib.values.Booleans;
import org.vigil.pe.status.BundleLayout;
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.FailedOperation;
import org.vigil.pe.status.NodeHistory;
import org.vigil.pe.status.NodeStatus;
import org.vigil.pe.status.OnFail;
import org.vigil.pe.status.RemoteLink;
import org.vigil.pe.status.ResourceState;
import org.vigil.pe.status.ShutdownLock;

/**
 * Builds the display model from an unpacked cluster: the resource tree of the configuration,
 * filled in with each instance's state, then the orphans.
 */
public final class StatusViews {
  private final ClusterState state;
  private final Map<String, ResourceState> byId;
  private final Map<String, String> rscDefaults;
  private final Map<String, Template> templates = new HashMap<>();
  private final Set<String> maintenanceNodes = new LinkedHashSet<>();
  private final Set<String> lostNodes = new HashSet<>();
  private final Map<String, Resource> configured = new HashMap<>();
  private final Map<String, List<ResourceState>> byClone = new HashMap<>();
  private final Map<String, List<ResourceState>> byGroup = new HashMap<>();
  /** Bundles' guest nodes: they run only the bundle's own primitive. */
  private final Set<String> bundleNodes = new HashSet<>();
  /** Nodes known only from the status (an orphaned connection's): clones do not count them. */
  private final Set<String> statusOnlyNodes = new HashSet<>();
  /** The remote and guest nodes the configuration defines. */
  private final List<RemoteLink> links;

  private StatusViews(ClusterState state) {
    this.state = state;
    this.byId = state.resourcesById();
    this.rscDefaults = firstWins(state.cib().configuration().rscDefaults());
    for (Resource r : state.cib().configuration().allResources()) {
      configured.putIfAbsent(r.id(), r);
      if (r instanceof Template t) {
        templates.put(t.id(), t);
      }
    }
    for (ResourceState r : state.resources()) {
      if (r.cloneId() != null) {
        byClone.computeIfAbsent(r.cloneId(), k -> new ArrayList<>()).add(r);
      }
      if (r.groupId() != null) {
        byGroup.computeIfAbsent(r.groupId(), k -> new ArrayList<>()).add(r);
      }
    }
    this.links = RemoteLink.of(state.cib().configuration(), state.now());
    links.stream().filter(RemoteLink::inBundle).forEach(l -> bundleNodes.add(l.node()));
    Set<String> configuredNodes = new HashSet<>();
    state.cib().configuration().nodes().forEach(n -> configuredNodes.add(n.uname()));
    links.forEach(l -> configuredNodes.add(l.node()));
    state.nodes().stream().filter(n -> !configuredNodes.contains(n.name())).forEach(n -> statusOnlyNodes.add(n.name()));
    for (NodeStatus n : state.nodes()) {
      if (n.maintenance()) {
        maintenanceNodes.add(n.name());
      }
      if (n.unclean() && !n.online()) {
        lostNodes.add(n.name());
      }
    }
  }

  /** The status view of {@code state}. */
  public static StatusView of(ClusterState state) {
    return new StatusViews(state).build();
  }

  /** The failed operations in status order (node, then resource record, then call), as crm_mon lists them. */
  public static List<FailedActionView> failedActions(ClusterState state) {
    Map<String, Integer> nodeOrder = new HashMap<>();
    Map<String, Integer> recordOrder = new HashMap<>();
    List<NodeState> states = state.cib().status().nodeStates();
    for (int i = 0; i < states.size(); i++) {
      nodeOrder.putIfAbsent(states.get(i).uname(), i);
      List<LrmResource> records = states.get(i).lrmResources();
      for (int j = 0; j < records.size(); j++) {
        recordOrder.putIfAbsent(states.get(i).uname() + "\u0000" + records.get(j).id(), j);
      }
    }
    List<FailedOperation> all = new ArrayList<>();
    Map<FailedOperation, String> keys = new HashMap<>();
    for (ResourceState r : state.resources()) {
      for (FailedOperation f : r.failedOperations()) {
        all.add(f);
        keys.put(f, recordKey(r, f));
      }
    }
    all.sort(Comparator.comparingInt((FailedOperation f) -> nodeOrder.getOrDefault(f.node(), Integer.MAX_VALUE))
        .thenComparingInt(f -> recordOrder.getOrDefault(f.node() + "\u0000" + f.resource(), Integer.MAX_VALUE))
        .thenComparingInt(FailedOperation::callId));
    List<FailedActionView> out = new ArrayList<>();
    for (FailedOperation f : all) {
      boolean probe = "monitor".equals(f.task()) && f.intervalMs() == 0;
      if (probe && (f.rc() == 5 || f.opStatus() == 7)) {
        continue; // crm_mon does not list probes that found the agent not installed
      }
      out.add(new FailedActionView(keyResource(f, keys.get(f)), f.task(), f.intervalMs(), f.node(), f.rc(), f.opStatus(),
          f.exitReason(), f.lastRcChange(), f.execTimeMs()));
    }
    return out;
  }

  /** The failed record's operation key, or its id when the record has no key. */
  private static String recordKey(ResourceState r, FailedOperation f) {
    if (f.operationKey() != null) {
      return f.operationKey();
    }
    NodeHistory h = r.history(f.node());
    if (h != null) {
      for (LrmRscOp op : h.ops()) {
        if (op.call() == f.callId() && f.task().equals(op.operation())) {
          return op.id();
        }
      }
    }
    return null;
  }

  /**
   * The resource as crm_mon names it: parsed from the operation key ({@code RSC_TASK_INTERVAL}),
   * which old histories only carry as the record's id.
   */
  private static String keyResource(FailedOperation f, String key) {
    String suffix = "_" + f.task() + "_" + f.intervalMs();
    if (key != null && key.endsWith(suffix) && key.length() > suffix.length()) {
      return StatusText.baseId(key.substring(0, key.length() - suffix.length()));
    }
    return StatusText.baseId(f.resource());
  }

  private StatusView build() {
    Set<String> busy = new LinkedHashSet<>();
    for (ResourceState r : state.resources()) {
      busy.addAll(r.activeNodes());
    }
    Set<String> withState = new HashSet<>();
    for (NodeState ns : state.cib().status().nodeStates()) {
      withState.add(ns.uname());
      withState.add(ns.id());
    }
    List<NodeView> nodes = new ArrayList<>();
    for (NodeStatus n : state.nodes()) {
      // a node without a node_state entry was never seen: its attributes are not shown
      boolean seen = withState.contains(n.name()) || withState.contains(n.id());
      nodes.add(new NodeView(n.name(), kind(n.kind()), n.online(), n.unclean(), n.pending(), seen && n.standby(),
          false, seen && n.maintenance(), health(n), busy.contains(n.name())));
    }
    // Pacemaker lists top-level resources by descending priority, configuration order within one
    List<Resource> configured = new ArrayList<>(state.cib().configuration().resources());
    configured.sort(Comparator.comparingInt((Resource r) -> -priority(r)));
    List<ResourceView> resources = new ArrayList<>();
    for (Resource r : configured) {
      ResourceView v = resource(r);
      if (v != null) {
        resources.add(v);
      }
    }
    for (ResourceState r : state.resources()) {
      if (r.orphan() && r.cloneId() == null && !r.activeNodes().isEmpty() && !implicitInBundle(r.id())) {
        resources.add(primitive(r));
      }
    }
    int guestConnections = (int) links.stream()
        .filter(l -> l.kind() == NodeStatus.Kind.GUEST && !l.inBundle()).count();
    return new StatusView(nodes, resources, state.options().maintenanceMode(), guestConnections);
  }

  /**
   * The node's health colour from its {@code #health-*} attributes (any red makes it red, else
   * any yellow yellow); shown only when a node-health-strategy other than none is set.
   */
  private NodeView.Health health(NodeStatus n) {
    String strategy = state.cib().configuration().property("node-health-strategy").orElse("none");
    if (strategy.equals("none")) {
      return NodeView.Health.GREEN;
    }
    NodeView.Health worst = NodeView.Health.GREEN;
    for (Map.Entry<String, String> e : n.attributes().entrySet()) {
      if (!e.getKey().startsWith("#health")) {
        continue;
      }
      if ("red".equalsIgnoreCase(e.getValue())) {
        return NodeView.Health.RED;
      }
      if ("yellow".equalsIgnoreCase(e.getValue())) {
        worst = NodeView.Health.YELLOW;
      }
    }
    return worst;
  }

  private static NodeView.Kind kind(NodeStatus.Kind k) {
    return switch (k) {
      case CLUSTER -> NodeView.Kind.CLUSTER;
      case REMOTE -> NodeView.Kind.REMOTE;
      case GUEST -> NodeView.Kind.GUEST;
    };
  }

  private ResourceView resource(Resource r) {
    if (r instanceof Primitive p) {
      ResourceState s = byId.get(p.id());
      return s == null ? null : primitive(s);
    }
    if (r instanceof Group g) {
      return group(g, g.id(), -1);
    }
    if (r instanceof Clone c) {
      return clone(c);
    }
    if (r instanceof Bundle b) {
      return bundle(b);
    }
    return null;
  }

  private GroupView group(Group g, String id, int instance) {
    List<PrimitiveView> members = new ArrayList<>();
    for (Primitive m : g.members()) {
      ResourceState s = byId.get(instance >= 0 ? m.id() + ":" + instance : m.id());
      if (s != null) {
        members.add(primitive(s));
      }
    }
    Map<String, String> meta = meta(g);
    return new GroupView(id, members, managed(meta), Role.parse(meta.get("target-role")).orElse(null) == Role.STOPPED);
  }

  private CloneView clone(Clone c) {
    Map<String, String> meta = meta(c);
    boolean promotable = c.legacyMaster() || Booleans.isTrue(meta.get("promotable"), false);
    boolean unique = Booleans.isTrue(meta.get("globally-unique"), false);
    TreeMap<Integer, List<ResourceState>> byInstance = new TreeMap<>();
    for (ResourceState s : byClone.getOrDefault(c.id(), List.of())) {
      byInstance.computeIfAbsent(s.instance(), k -> new ArrayList<>()).add(s);
    }
    List<ResourceView> instances = new ArrayList<>();
    Set<String> knownOn = new LinkedHashSet<>();
    Map<String, String> failedProbes = new LinkedHashMap<>();
    boolean symmetric = state.options().symmetricCluster();
    byInstance.forEach((n, states) -> {
      for (ResourceState s : states) {
        if (!symmetric) {
          knownOn.addAll(s.histories().keySet());
        }
        for (NodeHistory h : s.histories().values()) {
          // only a probe that found the agent missing is shown: most histories have none
          if (h.notInstalled()) {
            failedProbe(h, s).ifPresent(text -> failedProbes.putIfAbsent(h.node(), text));
          }
        }
      }
      if (c.child() instanceof Group g) {
        instances.add(group(g, g.id() + ":" + n, n));
      } else {
        states.forEach(s -> instances.add(primitive(s)));
      }
    });
    List<String> allowed = new ArrayList<>();
    if (symmetric) {
      // a bundle's guest nodes run only the bundle's own primitive
      state.nodes().stream().filter(n -> !bundleNodes.contains(n.name()) && !statusOnlyNodes.contains(n.name()))
          .forEach(n -> allowed.add(n.name()));
    } else {
      allowed.addAll(knownOn);
    }
    Role target = Role.parse(meta.get("target-role")).orElse(null);
    // remote and guest nodes count towards the default, bundles' guest nodes do not
    int max = leadingInt(meta.get("clone-max")).orElse((int) state.nodes().stream()
        .filter(n -> !bundleNodes.contains(n.name()) && !statusOnlyNodes.contains(n.name())).count());
    boolean stoppedDisabled = target != null ? target == Role.STOPPED : !instances.isEmpty()
        && (instances.get(0) instanceof GroupView g ? g.disabled() : instances.get(0).primitives().get(0).disabled());
    return new CloneView(c.id(), c.child().id(), promotable, unique, managed(meta), target == Role.STOPPED,
        stoppedDisabled, instances, max, allowed, failedProbes);
  }

  /**
   * A bundle, replica by replica: with a primitive inside, the replica shows under its guest
   * node's name the primitive's role and the node its container runs on; without one, the
   * container itself.
   */
  private BundleView bundle(Bundle b) {
    BundleLayout layout = BundleLayout.of(b);
    String image = b.container() == null ? "" : b.container().attr("image", "");
    boolean managed = managed(meta(b));
    List<BundleView.Replica> out = new ArrayList<>();
    for (BundleLayout.Replica rep : layout.replicaList()) {
      String containerId = rep.container().id();
      ResourceState container = byId.get(containerId);
      List<String> nodes = container == null ? List.of() : container.activeNodes();
      boolean containerFailed = container != null && container.failed();
      if (b.primitive() != null) {
        ResourceState child = byId.get(b.primitive().id() + ":" + rep.index());
        Role role = child == null || child.activeNodes().isEmpty() ? Role.STOPPED : child.role();
        if (layout.promotedMax() > 0 && role == Role.STARTED) {
          role = Role.UNPROMOTED;
        }
        boolean failed = containerFailed || (child != null && child.failed());
        String name = rep.connection().id();
        out.add(new BundleView.Replica(name, rep.address(), new PrimitiveView(name, b.primitive().agentName(), role,
            nodes, failed, false, managed, false, false, false, null, null, null), rep.ip() == null ? 3 : 4));
      } else {
        Role role = nodes.isEmpty() ? Role.STOPPED : Role.STARTED;
        out.add(new BundleView.Replica(containerId, null, new PrimitiveView(containerId, rep.container().agentName(),
            role, nodes, containerFailed, false, managed, false, false, false, null, null, null),
            rep.ip() == null ? 1 : 2));
      }
    }
    return new BundleView(b.id(), image, managed, out);
  }

  /** Whether an unconfigured record is named like a bundle's implicit resources (a replica no longer configured). */
  private boolean implicitInBundle(String id) {
    for (Resource r : state.cib().configuration().resources()) {
      if (r instanceof Bundle b && id.startsWith(b.id() + "-")) {
        return true;
      }
    }
    return false;
  }

  private PrimitiveView primitive(ResourceState s) {
    List<String> nodes = s.activeNodes();
    boolean onMaintenanceNode = nodes.stream().anyMatch(maintenanceNodes::contains);
    boolean blocked = s.blocked() && s.histories().values().stream()
        .anyMatch(h -> h.onFail() == OnFail.BLOCK && !lostNodes.contains(h.node())) || blockedAsMultiplyActive(s);
    boolean managed = s.managed() && !state.options().maintenanceMode() && !onMaintenanceNode && !blocked
        && !(s.orphan() && s.cloneId() == null && !state.options().stopOrphanResources());
    Role target = s.meta().hasTargetRole() ? s.meta().targetRole() : null;
    boolean disabled = target == Role.STOPPED || (target == Role.UNPROMOTED && isPromotableInstance(s));
    String probe = null;
    if (nodes.isEmpty()) {
      for (NodeHistory h : s.histories().values()) {
        Optional<String> text = failedProbe(h, s);
        if (text.isPresent()) {
          probe = text.get();
          break;
        }
      }
    }
    // a failure recorded on a lost node that is about to be fenced is moot: Pacemaker ignores it
    boolean failed = s.failed() && s.histories().values().stream()
        .anyMatch(h -> h.failed() && !lostNodes.contains(h.node()))
        || RemoteLink.awaitingReconnect(s, state.now());
    String lockedTo = nodes.isEmpty() && state.options().shutdownLock() ? ShutdownLock.recordedLock(state, s) : null;
    String supersededStart = nodes.isEmpty() ? supersededStart(s) : null;
    if (supersededStart != null) {
      // a start still recorded as in flight shows as Starting there, though a later record
      // says the resource is stopped (crm_simulate shows the operation, the scheduler the stop)
      return new PrimitiveView(s.id(), agent(s), Role.STARTED, List.of(supersededStart), failed, s.orphan(), managed,
          blocked, disabled, s.failureIgnored(), "start", lockedTo, probe);
    }
    return new PrimitiveView(s.id(), agent(s), s.role(), nodes, failed, s.orphan(), managed, blocked,
        disabled, s.failureIgnored(), pendingTask(s), lockedTo, probe);
  }

  /** The node where a start is recorded as still in flight, though the history goes on after it. */
  private static String supersededStart(ResourceState s) {
    for (NodeHistory h : s.histories().values()) {
      List<LrmRscOp> ops = h.ops();
      for (int i = 0; i < ops.size(); i++) {
        if (ops.get(i).status() == -1 && "start".equals(ops.get(i).operation())) {
          return h.node();
        }
      }
    }
    return null;
  }

  /**
   * With {@code multiple-active=block}, a resource found active on several nodes is frozen,
   * and with it every member of a group that has the same setting.
   */
  private boolean blockedAsMultiplyActive(ResourceState s) {
    if (isBlockedMultiplyActive(s)) {
      return true;
    }
    if (s.groupId() == null) {
      return false;
    }
    Resource group = configured.get(s.groupId());
    if (group == null || !"block".equals(meta(group).get("multiple-active"))) {
      return false;
    }
    for (ResourceState other : byGroup.getOrDefault(s.groupId(), List.of())) {
      if (other.instance() == s.instance() && isBlockedMultiplyActive(other)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBlockedMultiplyActive(ResourceState s) {
    return s.activeNodes().size() > 1 && "block".equals(s.meta().multipleActive());
  }

  /** The operation in flight, except a probe (crm_simulate does not show pending probes). */
  private static String pendingTask(ResourceState s) {
    if (s.pendingTask() == null) {
      return null;
    }
    for (NodeHistory h : s.histories().values()) {
      if (h.pendingTask() == null) {
        continue;
      }
      for (LrmRscOp op : h.ops()) {
        if (op.status() == -1 && h.pendingTask().equals(op.operation())
            && !("monitor".equals(op.operation()) && op.intervalMs() == 0)) {
          return h.pendingTask();
        }
      }
    }
    return null;
  }

  /** The {@code priority} meta attribute, read as Pacemaker does: its leading integer ("2.0" is 2). */
  private int priority(Resource r) {
    return leadingInt(meta(r).get("priority")).orElse(0);
  }

  private static final Pattern LEADING_INT = Pattern.compile("^\\s*([+-]?[0-9]{1,9})");

  /** A number as Pacemaker reads one from a meta attribute: its leading integer. */
  private static Optional<Integer> leadingInt(String v) {
    if (v == null) {
      return Optional.empty();
    }
    Matcher m = LEADING_INT.matcher(v);
    return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  private boolean isPromotableInstance(ResourceState s) {
    if (s.cloneId() == null) {
      return false;
    }
    return configured.get(s.cloneId()) instanceof Clone c
        && (c.legacyMaster() || Booleans.isTrue(meta(c).get("promotable"), false));
  }

  /**
   * A probe that found the resource's agent not installed (the only failed probe the status
   * shows); a failure older than the resource's failure-timeout no longer counts.
   */
  private Optional<String> failedProbe(NodeHistory h, ResourceState s) {
    if (!h.notInstalled()) {
      // the replay marks every history with such a probe (and more): most have none
      return Optional.empty();
    }
    long timeoutMs = s.meta().failureTimeoutMs();
    for (LrmRscOp op : h.ops()) {
      if (!"monitor".equals(op.operation()) || op.intervalMs() != 0) {
        continue;
      }
      long changed = op.lastRcChange() == null ? 0 : op.lastRcChange();
      if (timeoutMs > 0 && changed > 0 && changed * 1000 + timeoutMs <= state.now().toEpochMilli()) {
        continue;
      }
      if (op.status() == 7 || (op.status() == 0 && op.rc() == 5)) {
        return Optional.of(OcfExitCodes.text(5));
      }
    }
    return Optional.empty();
  }

  private String agent(ResourceState s) {
    Primitive p = s.primitive();
    if (p != null) {
      if (p.resourceClass() == null && p.template() != null && templates.containsKey(p.template())) {
        return templates.get(p.template()).definition().agentName();
      }
      return p.agentName();
    }
    for (NodeHistory h : s.histories().values()) {
      for (NodeState ns : state.cib().status().nodeStates()) {
        if (!h.node().equals(ns.uname())) {
          continue;
        }
        for (LrmResource lr : ns.lrmResources()) {
          if (lr.id().equals(h.recordedId())) {
            return lr.provider() == null ? lr.resourceClass() + ":" + lr.type()
                : lr.resourceClass() + ":" + lr.provider() + ":" + lr.type();
          }
        }
      }
    }
    return "unknown";
  }

  private boolean managed(Map<String, String> meta) {
    return Booleans.isTrue(meta.get("is-managed"), true) && !Booleans.isTrue(meta.get("maintenance"), false)
        && !state.options().maintenanceMode();
  }

  /** A container's own meta attributes over rsc_defaults. */
  private Map<String, String> meta(Resource r) {
    Map<String, String> m = new HashMap<>(rscDefaults);
    m.putAll(firstWins(r.metaAttributes()));
    return m;
  }

  private static Map<String, String> firstWins(List<NvSet> sets) {
    Map<String, String> m = new LinkedHashMap<>();
    for (NvSet s : sets) {
      if (s.rule() != null) {
        continue;
      }
      for (NvPair p : s.pairs()) {
        if (p.name() != null && p.value() != null) {
          m.putIfAbsent(p.name(), p.value());
        }
      }
    }
    return m;
  }
}
