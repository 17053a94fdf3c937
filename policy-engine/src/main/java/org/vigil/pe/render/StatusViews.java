package org.vigil.pe.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.vigil.cib.model.Bundle;
import org.vigil.cib.model.Cib;
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
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.FailedOperation;
import org.vigil.pe.status.NodeHistory;
import org.vigil.pe.status.NodeStatus;
import org.vigil.pe.status.ResourceState;

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

  private StatusViews(ClusterState state) {
    this.state = state;
    this.byId = state.resourcesById();
    this.rscDefaults = firstWins(state.cib().configuration().rscDefaults());
    for (Resource r : state.cib().configuration().allResources()) {
      if (r instanceof Template t) {
        templates.put(t.id(), t);
      }
    }
    for (NodeStatus n : state.nodes()) {
      if (n.maintenance()) {
        maintenanceNodes.add(n.name());
      }
    }
  }

  /** The status view of {@code state}. */
  public static StatusView of(ClusterState state) {
    return new StatusViews(state).build();
  }

  /** The failed operations, node by node in status order, as crm_mon lists them. */
  public static List<FailedActionView> failedActions(ClusterState state) {
    Map<String, Integer> nodeOrder = new HashMap<>();
    List<NodeState> states = state.cib().status().nodeStates();
    for (int i = 0; i < states.size(); i++) {
      nodeOrder.putIfAbsent(states.get(i).uname(), i);
    }
    List<FailedOperation> all = new ArrayList<>();
    for (ResourceState r : state.resources()) {
      all.addAll(r.failedOperations());
    }
    all.sort(Comparator.comparingInt((FailedOperation f) -> nodeOrder.getOrDefault(f.node(), Integer.MAX_VALUE))
        .thenComparingInt(FailedOperation::callId));
    List<FailedActionView> out = new ArrayList<>();
    for (FailedOperation f : all) {
      out.add(new FailedActionView(StatusText.baseId(f.resource()), f.task(), f.intervalMs(), f.node(), f.rc(),
          f.opStatus(), f.exitReason(), f.lastRcChange(), f.execTimeMs()));
    }
    return out;
  }

  private StatusView build() {
    Set<String> busy = new LinkedHashSet<>();
    for (ResourceState r : state.resources()) {
      busy.addAll(r.activeNodes());
    }
    List<NodeView> nodes = new ArrayList<>();
    for (NodeStatus n : state.nodes()) {
      nodes.add(new NodeView(n.name(), kind(n.kind()), n.online(), n.unclean(), n.pending(), n.standby(), false,
          n.maintenance(), NodeView.Health.GREEN, busy.contains(n.name())));
    }
    List<ResourceView> resources = new ArrayList<>();
    for (Resource r : state.cib().configuration().resources()) {
      ResourceView v = resource(r);
      if (v != null) {
        resources.add(v);
      }
    }
    for (ResourceState r : state.resources()) {
      if (r.orphan() && r.cloneId() == null && !r.activeNodes().isEmpty()) {
        resources.add(primitive(r));
      }
    }
    return new StatusView(nodes, resources, state.options().maintenanceMode());
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
    for (ResourceState s : state.resources()) {
      if (c.id().equals(s.cloneId())) {
        byInstance.computeIfAbsent(s.instance(), k -> new ArrayList<>()).add(s);
      }
    }
    List<ResourceView> instances = new ArrayList<>();
    Set<String> knownOn = new LinkedHashSet<>();
    Map<String, String> failedProbes = new LinkedHashMap<>();
    byInstance.forEach((n, states) -> {
      for (ResourceState s : states) {
        knownOn.addAll(s.histories().keySet());
        for (NodeHistory h : s.histories().values()) {
          failedProbe(h).ifPresent(text -> failedProbes.putIfAbsent(h.node(), text));
        }
      }
      if (c.child() instanceof Group g) {
        instances.add(group(g, g.id() + ":" + n, n));
      } else {
        states.forEach(s -> instances.add(primitive(s)));
      }
    });
    List<String> allowed = new ArrayList<>();
    if (state.options().symmetricCluster()) {
      state.nodes().forEach(n -> allowed.add(n.name()));
    } else {
      allowed.addAll(knownOn);
    }
    Role target = Role.parse(meta.get("target-role")).orElse(null);
    return new CloneView(c.id(), c.child().id(), promotable, unique, managed(meta), target == Role.STOPPED,
        instances, allowed, failedProbes);
  }

  /** Bundles are not unpacked yet: shown by their header with every replica stopped. */
  private BundleView bundle(Bundle b) {
    String image = b.container() == null ? "" : b.container().attr("image", "");
    int replicas = 1;
    if (b.container() != null) {
      String r = b.container().attr("replicas");
      if (r != null && r.matches("[0-9]+")) {
        replicas = Integer.parseInt(r);
      }
    }
    String kind = b.container() == null ? "docker" : b.container().name();
    List<BundleView.Replica> out = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      String name = b.id() + "-" + kind + "-" + i;
      out.add(new BundleView.Replica(name, null, PrimitiveView.of(name, "ocf:heartbeat:" + kind, Role.STOPPED,
          List.of())));
    }
    return new BundleView(b.id(), image, managed(meta(b)), out);
  }

  private PrimitiveView primitive(ResourceState s) {
    List<String> nodes = s.activeNodes();
    boolean onMaintenanceNode = nodes.stream().anyMatch(maintenanceNodes::contains);
    boolean managed = s.managed() && !state.options().maintenanceMode() && !onMaintenanceNode && !s.blocked();
    Role target = s.meta().hasTargetRole() ? s.meta().targetRole() : null;
    boolean disabled = target == Role.STOPPED || (target == Role.UNPROMOTED && isPromotableInstance(s));
    String probe = null;
    if (nodes.isEmpty()) {
      for (NodeHistory h : s.histories().values()) {
        Optional<String> text = failedProbe(h);
        if (text.isPresent()) {
          probe = text.get();
          break;
        }
      }
    }
    return new PrimitiveView(s.id(), agent(s), s.role(), nodes, s.failed(), s.orphan(), managed, s.blocked(),
        disabled, s.failureIgnored(), s.pendingTask(), null, probe);
  }

  private boolean isPromotableInstance(ResourceState s) {
    if (s.cloneId() == null) {
      return false;
    }
    return state.cib().configuration().findResource(s.cloneId())
        .map(r -> r instanceof Clone c && (c.legacyMaster() || Booleans.isTrue(meta(c).get("promotable"), false)))
        .orElse(false);
  }

  /** A probe that found neither running nor stopped, by the name of its result. */
  private static Optional<String> failedProbe(NodeHistory h) {
    for (LrmRscOp op : h.ops()) {
      if ("monitor".equals(op.operation()) && op.intervalMs() == 0 && op.status() == 0) {
        int rc = op.rc();
        if (rc != 0 && rc != 7 && rc != 8) {
          return Optional.of(OcfExitCodes.text(rc));
        }
      }
    }
    return h.notInstalled() ? Optional.of(OcfExitCodes.text(5)) : Optional.empty();
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
