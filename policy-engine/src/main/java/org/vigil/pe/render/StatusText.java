package org.vigil.pe.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vigil.cib.model.Role;

/**
 * The node list and resource list lines that crm_simulate and crm_mon share. Each item is
 * {@code "* "} indented two spaces per nesting level; the caller picks the base level.
 */
public final class StatusText {
  private final Map<String, NodeView> nodesByName;

  private StatusText(StatusView view) {
    this.nodesByName = view.nodes().stream()
        .collect(Collectors.toMap(NodeView::name, Function.identity(), (a, b) -> a));
  }

  /** The node list: notable nodes one per line, then the bracketed Online/OFFLINE lists. */
  public static List<String> nodeList(StatusView view, int level) {
    List<NodeView> sorted = new ArrayList<>(view.nodes());
    sorted.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.name(), b.name()));
    List<String> out = new ArrayList<>();
    List<String> online = new ArrayList<>();
    List<String> offline = new ArrayList<>();
    List<String> remoteOnline = new ArrayList<>();
    List<String> remoteOffline = new ArrayList<>();
    List<String> guestOnline = new ArrayList<>();
    for (NodeView n : sorted) {
      String state = notableState(n);
      if (state != null) {
        out.add(item(level, prefix(n.kind()) + " " + n.name() + ": " + state));
      } else if (n.online()) {
        switch (n.kind()) {
          case CLUSTER -> online.add(n.name());
          case REMOTE -> remoteOnline.add(n.name());
          case GUEST -> guestOnline.add(n.name());
          default -> throw new AssertionError(n.kind());
        }
      } else if (n.kind() == NodeView.Kind.CLUSTER) {
        offline.add(n.name());
      } else if (n.kind() == NodeView.Kind.REMOTE) {
        remoteOffline.add(n.name());
      }
    }
    addList(out, level, "Online", online);
    addList(out, level, "OFFLINE", offline);
    addList(out, level, "RemoteOnline", remoteOnline);
    addList(out, level, "RemoteOFFLINE", remoteOffline);
    addList(out, level, "GuestOnline", guestOnline);
    return out;
  }

  /** Every resource, in the order given, with its members and instances nested. */
  public static List<String> resourceList(StatusView view, int level) {
    StatusText t = new StatusText(view);
    List<String> out = new ArrayList<>();
    for (ResourceView r : view.resources()) {
      t.resource(r, level, out);
    }
    return out;
  }

  /** The state after "Node NAME: ", or null for a plain online or offline node. */
  static String notableState(NodeView n) {
    if (n.unclean()) {
      return n.online() ? "UNCLEAN (online)" : n.pending() ? "UNCLEAN (pending)" : "UNCLEAN (offline)";
    }
    if (n.pending()) {
      return "pending";
    }
    if (n.standbyOnFail() && n.online()) {
      return "standby (on-fail)";
    }
    if (n.standby()) {
      if (!n.online()) {
        return "OFFLINE (standby)";
      }
      return n.runsResources() ? "standby (with active resources)" : "standby";
    }
    if (n.maintenance()) {
      return n.online() ? "maintenance" : "OFFLINE (maintenance)";
    }
    if (n.online() && n.health() != NodeView.Health.GREEN) {
      return "online (health is " + n.health().name() + ")";
    }
    return null;
  }

  private static String prefix(NodeView.Kind kind) {
    return switch (kind) {
      case CLUSTER -> "Node";
      case REMOTE -> "RemoteNode";
      case GUEST -> "GuestNode";
    };
  }

  private static void addList(List<String> out, int level, String label, List<String> names) {
    if (!names.isEmpty()) {
      out.add(item(level, label + ": [ " + String.join(" ", names) + " ]"));
    }
  }

  static String item(int level, String text) {
    return "  ".repeat(level) + "* " + text;
  }

  private void resource(ResourceView r, int level, List<String> out) {
    if (r instanceof PrimitiveView p) {
      out.add(item(level, primitive(p, p.id(), false)));
    } else if (r instanceof GroupView g) {
      group(g, level, out, false, false);
    } else if (r instanceof CloneView c) {
      clone(c, level, out);
    } else if (r instanceof BundleView b) {
      bundle(b, level, out);
    } else {
      throw new AssertionError(r);
    }
  }

  private void group(GroupView g, int level, List<String> out, boolean anonymousInstance, boolean inPromotable) {
    List<String> flags = new ArrayList<>();
    if (!g.managed()) {
      flags.add("unmanaged");
    }
    if (g.disabled()) {
      flags.add("disabled");
    }
    out.add(item(level, "Resource Group: " + g.id() + flagText(flags) + ":"));
    for (PrimitiveView m : g.members()) {
      out.add(item(level + 1, primitive(m, anonymousInstance ? baseId(m.id()) : m.id(), inPromotable)));
    }
  }

  private void clone(CloneView c, int level, List<String> out) {
    List<String> flags = new ArrayList<>();
    if (c.promotable()) {
      flags.add("promotable");
    }
    if (c.unique()) {
      flags.add("unique");
    }
    if (!c.managed()) {
      flags.add("unmanaged");
    }
    if (c.disabled()) {
      flags.add("disabled");
    }
    out.add(item(level, "Clone Set: " + c.id() + " [" + c.childId() + "]" + flagText(flags) + ":"));
    Set<String> promoted = new TreeSet<>(NaturalOrder.INSTANCE);
    Set<String> unpromoted = new TreeSet<>(NaturalOrder.INSTANCE);
    Set<String> started = new TreeSet<>(NaturalOrder.INSTANCE);
    for (ResourceView inst : c.instances()) {
      List<PrimitiveView> prims = inst.primitives();
      boolean active = prims.stream().anyMatch(PrimitiveView::active);
      boolean fullyActive = prims.stream().allMatch(PrimitiveView::active);
      boolean full;
      if (c.unique()) {
        full = active || prims.stream().noneMatch(PrimitiveView::orphaned);
      } else if (prims.stream().anyMatch(p -> p.pendingTask() != null && !p.pendingTask().equals("probe"))) {
        full = true;
      } else if (!active) {
        full = false;
      } else if (prims.stream().anyMatch(p -> p.orphaned() || !p.managed() || p.failed())) {
        full = true;
      } else if (fullyActive) {
        String location = singleLocation(prims);
        NodeView node = location == null ? null : nodesByName.get(location);
        Role role = highestRole(prims, c.promotable());
        if (location == null || (node != null && !node.online() && node.unclean())) {
          full = true;
        } else {
          full = false;
          if (role == Role.PROMOTED) {
            promoted.add(location);
          } else if (role == Role.UNPROMOTED && c.promotable()) {
            unpromoted.add(location);
          } else {
            started.add(location);
          }
        }
      } else {
        full = true;
      }
      if (full) {
        if (inst instanceof GroupView g) {
          group(g, level + 1, out, !c.unique(), c.promotable());
        } else if (inst instanceof PrimitiveView p) {
          out.add(item(level + 1, primitive(p, c.unique() ? p.id() : baseId(p.id()), c.promotable())));
        } else {
          throw new AssertionError(inst);
        }
      }
    }
    addList(out, level + 1, "Promoted", new ArrayList<>(promoted));
    addList(out, level + 1, "Unpromoted", new ArrayList<>(unpromoted));
    addList(out, level + 1, "Started", new ArrayList<>(started));
    // only instances summarised in the lists above count against clone-max here
    int summarised = promoted.size() + unpromoted.size() + started.size();
    if (!c.unique() && summarised < c.maxInstances()) {
      stoppedLists(c, level + 1, out);
    }
  }

  private static void stoppedLists(CloneView c, int level, List<String> out) {
    Set<String> running = new LinkedHashSet<>();
    for (PrimitiveView p : c.primitives()) {
      running.addAll(p.nodes());
    }
    Map<String, Set<String>> byState = new TreeMap<>();
    for (String node : c.allowedNodes()) {
      if (running.contains(node)) {
        continue;
      }
      String probe = c.failedProbes().get(node);
      String state = probe != null ? "Stopped (" + probe + ")" : c.stoppedDisabled() ? "Stopped (disabled)" : "Stopped";
      byState.computeIfAbsent(state, k -> new TreeSet<>(NaturalOrder.INSTANCE)).add(node);
    }
    byState.forEach((state, nodes) -> addList(out, level, state, new ArrayList<>(nodes)));
  }

  /** The one node every member runs on, or null when they are spread or stopped. */
  private static String singleLocation(List<PrimitiveView> prims) {
    Set<String> nodes = new LinkedHashSet<>();
    prims.forEach(p -> nodes.addAll(p.nodes()));
    return nodes.size() == 1 ? nodes.iterator().next() : null;
  }

  private static Role highestRole(List<PrimitiveView> prims, boolean promotable) {
    Role best = Role.STOPPED;
    for (PrimitiveView p : prims) {
      Role r = displayRole(p.role(), promotable);
      if (rank(r) > rank(best)) {
        best = r;
      }
    }
    return best;
  }

  private static int rank(Role r) {
    return switch (r) {
      case UNKNOWN -> 0;
      case STOPPED -> 1;
      case STARTED -> 2;
      case UNPROMOTED -> 3;
      case PROMOTED -> 4;
    };
  }

  /** An instance of a promotable clone that runs but is not promoted is Unpromoted. */
  private static Role displayRole(Role role, boolean inPromotable) {
    return inPromotable && role == Role.STARTED ? Role.UNPROMOTED : role;
  }

  private void bundle(BundleView b, int level, List<String> out) {
    String kind = b.replicas().size() > 1 ? "Container bundle set: " : "Container bundle: ";
    out.add(item(level, kind + b.id() + " [" + b.image() + "]" + (b.managed() ? "" : " (unmanaged)") + ":"));
    for (BundleView.Replica r : b.replicas()) {
      String name = r.ip() == null ? r.name() : r.name() + " (" + r.ip() + ")";
      out.add(item(level + 1, primitive(r.shown(), name, false)));
    }
  }

  /** {@code rsc:3} to {@code rsc}: anonymous clone instances print under the primitive's id. */
  static String baseId(String id) {
    int colon = id.lastIndexOf(':');
    if (colon > 0 && colon < id.length() - 1 && id.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      return id.substring(0, colon);
    }
    return id;
  }

  /** {@code NAME<TAB>(AGENT):<TAB> STATE[ NODE][ (FLAGS)][ [ NODES ]]}. */
  String primitive(PrimitiveView p, String name, boolean inPromotable) {
    StringBuilder sb = new StringBuilder(name).append("\t(").append(p.agent()).append("):\t");
    Role role = displayRole(p.role(), inPromotable);
    if (p.orphaned()) {
      sb.append(" ORPHANED");
    }
    if (p.failed()) {
      sb.append(role == Role.PROMOTED ? " FAILED Promoted" : " FAILED");
    } else {
      sb.append(' ').append(stateText(p, role));
    }
    if (p.nodes().size() == 1) {
      sb.append(' ').append(p.nodes().get(0));
    } else if (p.nodes().isEmpty() && p.lockedTo() != null) {
      sb.append(' ').append(p.lockedTo());
    }
    if (p.nodes().isEmpty() && p.failedProbe() != null) {
      sb.append(" (").append(p.failedProbe()).append(") ");
    }
    sb.append(flagText(primitiveFlags(p)));
    if (p.nodes().size() > 1) {
      sb.append(" [ ").append(String.join(" ", p.nodes())).append(" ]");
    }
    return sb.toString();
  }

  private static String stateText(PrimitiveView p, Role role) {
    if (p.pendingTask() != null) {
      switch (p.pendingTask()) {
        case "start":
          return "Starting";
        case "stop":
          return "Stopping";
        case "migrate_to", "migrate_from":
          return "Migrating";
        case "promote":
          return "Promoting";
        case "demote":
          return "Demoting";
        default:
          break;
      }
    }
    return role.text();
  }

  private List<String> primitiveFlags(PrimitiveView p) {
    List<String> flags = new ArrayList<>();
    if (p.nodes().size() == 1) {
      NodeView node = nodesByName.get(p.nodes().get(0));
      if (node != null && !node.online() && node.unclean()) {
        flags.add("UNCLEAN");
      }
    }
    if (p.lockedTo() != null) {
      flags.add("LOCKED");
    }
    if ("monitor".equals(p.pendingTask())) {
      flags.add("Monitoring");
    }
    if (p.failureIgnored()) {
      flags.add("failure ignored");
    }
    if (p.disabled()) {
      flags.add("disabled");
    }
    if (p.blocked()) {
      flags.add("blocked");
    } else if (!p.managed()) {
      flags.add("unmanaged");
    }
    return flags;
  }

  private static String flagText(List<String> flags) {
    return flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")";
  }
}
