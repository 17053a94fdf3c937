package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.Primitive;
import org.vigil.pe.rules.RuleContext;
import org.vigil.pe.status.NodeHistory;
import org.vigil.pe.status.NodeStatus;

/**
 * Unfencing: with a fencing device that {@code provides=unfencing} (fence_scsi and the like),
 * a node must be unfenced ("Fence (on)") before it probes anything or starts a resource that
 * requires unfencing (every resource but fencing devices, unless {@code requires} says
 * otherwise). A node that has never been unfenced ({@code #node-unfenced} unset) is unfenced
 * when something first needs it; a node where such a device runs with a changed definition
 * (another agent, or other parameters) is unfenced again, and what runs there and requires
 * unfencing restarts after it. A device whose recorded agent is not the configured one
 * restarts.
 */
final class Unfencing {
  private final Model m;
  private final boolean inUse;
  /** Why a node must be unfenced again, by node index. */
  private final Map<Integer, String> changedDevice = new HashMap<>();
  /** Device histories whose recorded agent differs from the configuration: "rsc\0node". */
  private final Set<String> agentChanged = new HashSet<>();

  Unfencing(Model m) {
    this.m = m;
    List<Rsc> devices = new ArrayList<>();
    for (Rsc top : m.tops) {
      for (Rsc r : top.primitives()) {
        if (isDevice(r) && "unfencing".equals(r.meta.get("provides").orElse(null))) {
          devices.add(r);
        }
      }
    }
    inUse = !devices.isEmpty();
    if (inUse) {
      findChangedDevices(devices);
    }
  }

  private static boolean isDevice(Rsc r) {
    Primitive p = r.state.primitive();
    return p != null && "stonith".equals(p.resourceClass());
  }

  /** Whether starting {@code r} on a node needs the node unfenced first. */
  boolean requires(Rsc r) {
    String requires = r.meta.get("requires").orElse(null);
    if (requires != null) {
      return requires.equals("unfencing");
    }
    return inUse && !isDevice(r);
  }

  /** Whether the history of {@code r} on that node was recorded for another agent. */
  boolean agentChanged(Rsc r, int node) {
    return node >= 0 && agentChanged.contains(r.id + "\u0000" + m.nodes.get(node).name());
  }

  private void findChangedDevices(List<Rsc> devices) {
    for (NodeState ns : m.state.cib().status().nodeStates()) {
      for (LrmResource lr : ns.lrmResources()) {
        for (Rsc d : devices) {
          Primitive p = d.state.primitive();
          if (lr.id().equals(d.id) && !(Objects.equals(lr.type(), p.type())
              && Objects.equals(lr.resourceClass(), p.resourceClass())
              && Objects.equals(lr.provider(), p.provider()))) {
            agentChanged.add(d.id + "\u0000" + ns.uname());
          }
        }
      }
    }
    for (Rsc d : devices) {
      for (String node : d.state.activeNodes()) {
        Integer idx = m.nodeIndex.get(node);
        if (idx == null) {
          continue;
        }
        NodeHistory h = d.state.history(node);
        RuleContext ctx = new RuleContext(m.nodes.get(idx).attributes(), m.state.now(), Map.of(), Map.of());
        if (agentChanged(d, idx)) {
          changedDevice.putIfAbsent(idx, "Device definition changed");
        } else if (DefinitionChange.of(m.digests, d.state.primitive(), List.of(), h, null, ctx)
            != DefinitionChange.NONE) {
          changedDevice.putIfAbsent(idx, "Device parameters changed");
        }
      }
    }
  }

  /** Adds the unfencing of the nodes that need it, ordered before what needs it there. */
  void apply(Planner p) {
    if (!inUse) {
      return;
    }
    for (int i = 0; i < m.nodeCount(); i++) {
      NodeStatus n = m.nodes.get(i);
      if (n.kind() != NodeStatus.Kind.CLUSTER || !n.online() || n.unclean() || n.pending()
          || p.fences.containsKey(i)) {
        continue;
      }
      String reason = changedDevice.get(i);
      List<Act> needing = needing(p, i);
      if (reason == null && n.attribute("#node-unfenced") == null && !needing.isEmpty()) {
        Act first = needing.get(0);
        reason = "required by " + first.rsc.id + " " + first.task;
      }
      if (reason == null) {
        continue;
      }
      Act on = new Act(Act.Type.FENCE, null, "stonith", 0, i);
      on.required = true;
      on.reason = reason;
      on.attributes.put("action", "on");
      p.acts.add(on);
      p.fences.put(i, on);
      for (Act a : needing) {
        p.edge(on, a, 0);
      }
      if (changedDevice.containsKey(i)) {
        restartWhatRequiresIt(p, on, i);
      }
    }
    List<Map.Entry<Integer, Act>> sorted = new ArrayList<>(p.fences.entrySet());
    sorted.sort(Comparator.comparingInt(Map.Entry::getKey));
    p.fences.clear();
    sorted.forEach(e -> p.fences.put(e.getKey(), e.getValue()));
  }

  /**
   * The probes on node {@code i}, and the starts there of resources requiring unfencing, in
   * configuration order.
   */
  private List<Act> needing(Planner p, int i) {
    List<Act> out = new ArrayList<>();
    for (Rsc top : m.tops) {
      for (Rsc r : top.primitives()) {
        for (Act probe : p.probes) {
          if (probe.rsc == r && probe.node == i) {
            out.add(probe);
          }
        }
        Act start = p.starts.get(r);
        if (start != null && start.node == i && start.required && requires(r)) {
          out.add(start);
        }
      }
    }
    return out;
  }

  private void restartWhatRequiresIt(Planner p, Act on, int i) {
    for (Rsc top : m.tops) {
      for (Rsc r : top.primitives()) {
        Act start = p.starts.get(r);
        if (start == null || r.node != i || !requires(r) || !r.state.activeNodes().contains(m.nodes.get(i).name())) {
          continue;
        }
        if (!start.required) {
          start.required = true;
          start.requiredBy = "required stonith";
        }
        p.edge(on, start, 0);
      }
    }
  }
}
