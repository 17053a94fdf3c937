package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.List;
import org.vigil.cib.model.Role;
import org.vigil.pe.status.NodeStatus;

/**
 * The "Transition Summary" lines: one per fencing action with a reason, then one per
 * resource instance that changes, in configuration order. Resource lines are
 * {@code printf("* %-8s   %-*s   ( %*s )", ACTION, W, RSC, D, DETAILS)} plus the reason,
 * where W grows as crm_simulate grows it (start at 5; an id longer than W sets W to its
 * length + 2) and D is the longest DETAILS (at least 5).
 */
final class SummaryFormatter {
  private record Line(String action, String rsc, String details, String reason) {}

  private final Model m;
  private final Planner p;

  SummaryFormatter(Model m, Planner p) {
    this.m = m;
    this.p = p;
  }

  List<String> lines() {
    List<String> out = new ArrayList<>();
    // crm_simulate lists fencing last node first
    List<Act> fences = new ArrayList<>(p.fences.values());
    java.util.Collections.reverse(fences);
    for (Act f : fences) {
      if (f.reason != null) {
        RemoteNodes.Link guest = m.remotes.linkOf(f.node);
        String container = guest != null && guest.guest() ? " (resource: " + guest.container().id + ")" : "";
        out.add("* Fence (" + f.attributes.get("action") + ") " + m.nodes.get(f.node).name() + container + " '"
            + f.reason + "'");
      }
    }
    List<Line> lines = new ArrayList<>();
    // resources in priority order (configuration order among equals), as crm_simulate lists them
    List<Rsc> tops = new ArrayList<>(m.tops);
    tops.sort(java.util.Comparator.comparingInt((Rsc t) -> t.meta == null ? 0 : -t.meta.priority()));
    for (Rsc top : tops) {
      for (Rsc r : top.primitives()) {
        lines.addAll(line(r));
      }
    }
    int w = 5;
    int d = 5;
    for (Line l : lines) {
      if (l.rsc.length() > w) {
        w = l.rsc.length() + 2;
      }
      d = Math.max(d, l.details.length());
    }
    for (Line l : lines) {
      // String.format is too slow for the thousands of lines a large transition has
      StringBuilder line = new StringBuilder(24 + w + d).append("* ");
      padRight(line, l.action, 8).append("   ");
      padRight(line, l.rsc, w).append("   ( ");
      padLeft(line, l.details, d).append(" )");
      String s = line.toString();
      if (l.reason != null) {
        s += "  " + l.reason;
      }
      out.add(s);
    }
    return out;
  }

  /** {@code %-Ns}. */
  private static StringBuilder padRight(StringBuilder sb, String s, int width) {
    String text = String.valueOf(s);
    sb.append(text);
    for (int i = text.length(); i < width; i++) {
      sb.append(' ');
    }
    return sb;
  }

  /** {@code %Ns}. */
  private static StringBuilder padLeft(StringBuilder sb, String s, int width) {
    String text = String.valueOf(s);
    for (int i = text.length(); i < width; i++) {
      sb.append(' ');
    }
    return sb.append(text);
  }

  private String name(int node) {
    return m.nodes.get(node).name();
  }

  private List<Line> line(Rsc r) {
    Act start = p.starts.get(r);
    List<Act> stops = p.stops.get(r);
    List<Integer> active = p.activeNodes(r);
    int t = r.node;
    if (!p.managed(r)) {
      return List.of();
    }
    // an orphan that was promoted still reads as Promoted where it stops
    boolean roles = r.inPromotable() || r.state.orphan() && r.state.role() == Role.PROMOTED;
    Act promote = p.promotes.get(r);
    boolean promotes = promote != null && promote.required && promote.runnable;
    boolean starts = start.required && start.runnable && t >= 0;
    if (active.isEmpty()) {
      if (starts && promotes) {
        return List.of(new Line("Promote", r.id, "Stopped -> Promoted " + name(t), null));
      }
      if (starts) {
        return List.of(new Line("Start", r.id, name(t), null));
      }
      if (t >= 0 && start.required && !start.runnable && (start.reason != null || r.enclosingClone() == null)) {
        boolean promoting = roles && r.nextRole == Role.PROMOTED;
        // lost quorum blocks the start; the promotion after it has no reason of its own
        boolean quorum = start.reason != null && start.reason.contains("quorum");
        String why = start.reason == null || promoting && quorum ? "blocked" : "due to " + start.reason + " (blocked)";
        String details = promoting ? "Stopped -> Promoted " + name(t) : name(t);
        return List.of(new Line(roles && r.nextRole == Role.PROMOTED ? "Promote" : "Start", r.id, details, why));
      }
      return List.of();
    }
    // active on several nodes that are all fenced: it reads as leaving the first of them
    if (active.size() > 1 && !active.stream().allMatch(n -> m.willBeFenced(name(n)))) {
      if (starts) {
        boolean anyFailed = active.stream().anyMatch(n -> m.failedOn(r, name(n)));
        if (anyFailed && r.meta.multipleActive().equals("stop_unexpected")) {
          return List.of(new Line("Recover", r.id, name(t), "due to being multiply active"));
        }
        return List.of(new Line(anyFailed ? "Recover" : "Restart", r.id, name(t), null));
      }
      List<Line> out = new ArrayList<>();
      for (Act s : stops) {
        // nothing is said of a stop that must wait for a node nobody can fence
        if (s.required && (s.runnable || !m.nodes.get(s.node).unclean())) {
          // (an orphan has one role, its highest, wherever it runs)
          Role role = r.inPromotable() ? currentRole(r, s.node) : r.state.role();
          String where = roles ? role.text() + " " + name(s.node) : name(s.node);
          out.add(new Line("Stop", r.id, where, due(stopReason(r, start, s))));
        }
      }
      return out;
    }
    int c = active.get(0);
    Act stop = stops.get(0);
    Role from = roles ? currentRole(r, c) : Role.STARTED;
    Role to = roles ? r.nextRole : Role.STARTED;
    Act demote = p.demotes.get(r);
    boolean demotes = demote != null && demote.required && demote.runnable;
    if (!stop.required && !starts) {
      if (t == c && promotes && demotes) {
        return List.of(new Line("Re-promote", r.id, "Promoted " + name(c), null));
      }
      if (t == c && promotes) {
        return List.of(new Line("Promote", r.id, "Unpromoted -> Promoted " + name(c), null));
      }
      if (t == c && demotes) {
        return List.of(new Line("Demote", r.id, "Promoted -> Unpromoted " + name(c), null));
      }
      if (t == c && p.reloads.containsKey(r)) {
        return List.of(new Line("Reload", r.id, roles ? from.text() + " " + name(c) : name(c), null));
      }
      return List.of();
    }
    boolean failed = m.failedOn(r, name(c)) || recoveredFromFencing(r, c, stop);
    String here = roles ? from.text() + " " + name(c) : name(c);
    if (t == c && starts) {
      if (roles && (from == Role.PROMOTED) != (to == Role.PROMOTED)) {
        here = from.text() + " -> " + (to == Role.PROMOTED ? to : Role.UNPROMOTED).text() + " " + name(c);
      }
      if (failed) {
        return List.of(new Line("Recover", r.id, here, null));
      }
      if (roles && from == Role.PROMOTED && to == Role.PROMOTED && !(stop.required && stop.runnable)) {
        return List.of(new Line("Re-promote", r.id, here, due(start.requiredBy)));
      }
      return List.of(new Line("Restart", r.id, here, due(start.requiredBy)));
    }
    if (t >= 0 && t != c && starts) {
      String move = name(c) + " -> " + name(t);
      if (roles) {
        move = from == to ? move + " " + to.text() : from.text() + " " + name(c) + " -> " + to.text() + " " + name(t);
      }
      if (failed || failedOnFencedNode(r, c)) {
        return List.of(new Line("Recover", r.id, move, null));
      }
      if (p.migration.migrating.contains(r)) {
        return List.of(new Line("Migrate", r.id, move, null));
      }
      String blocker = p.migration.blockedBy.get(r);
      return List.of(new Line("Move", r.id, move, blocker == null ? null : "due to unrunnable " + blocker + " stop"));
    }
    String reason = memberStopReason(r, stopReason(r, start, stop));
    String text = due(reason);
    if (!stop.runnable) {
      text = text == null ? "blocked" : text + " (blocked)";
    }
    return List.of(new Line("Stop", r.id, here, text));
  }

  /**
   * A stop implied by fencing a guest counts as a recovery, for what ran in the guest and for
   * the guest's container when it failed; so does the restart of a container whose guest is
   * fenced for a failed connection.
   */
  private boolean recoveredFromFencing(Rsc r, int node, Act stop) {
    for (RemoteNodes.Link l : m.remotes.links) {
      if (l.container() == r && p.fences.containsKey(l.node()) && RemoteNodes.connectionFailed(l)) {
        return true;
      }
    }
    if (!stop.attributes.containsKey("implied-by-fencing")) {
      return false;
    }
    if (m.nodes.get(node).kind() == NodeStatus.Kind.GUEST) {
      return true;
    }
    for (RemoteNodes.Link l : m.remotes.links) {
      if (l.container() == r && p.fences.containsKey(l.node())) {
        var h = r.state.history(name(node));
        return h != null && h.failed();
      }
    }
    return false;
  }

  /**
   * Failed on a node still online that is being fenced: moving it away recovers it. (What a
   * node already lost recorded is moot, as the status display says too.)
   */
  private boolean failedOnFencedNode(Rsc r, int node) {
    var h = r.state.history(name(node));
    return h != null && h.failed() && m.willBeFenced(name(node)) && m.nodes.get(node).online();
  }

  private Role currentRole(Rsc r, int node) {
    var h = r.state.history(name(node));
    return h != null && h.role() == Role.PROMOTED ? Role.PROMOTED : Role.UNPROMOTED;
  }

  /**
   * Why a resource stops: why its start cannot run (when it has somewhere to go, or was
   * disabled), else why it has nowhere to go, else why its stop was forced.
   */
  private static String stopReason(Rsc r, Act start, Act stop) {
    boolean disabled = r.meta.targetRole() == Role.STOPPED;
    if (!start.runnable && start.reason != null && (r.node >= 0 || disabled)) {
      return start.reason;
    }
    if (r.stopReason != null) {
      return r.stopReason;
    }
    return stop.reason;
  }

  /**
   * A member of an ordered group stopped because the member before it cannot restart. When that
   * member's restart was required (its reason reads "required ..." of a start or a completion),
   * its stop was required first, and that is what made this member's stop required: "required
   * P stop"; otherwise this member reads its start's reason ("required P start"). So the
   * reasons alternate down a group.
   */
  private String memberStopReason(Rsc r, String reason) {
    Rsc g = r.parent;
    if (reason == null || g == null || !g.orderedGroup()) {
      return reason;
    }
    int i = g.children.indexOf(r);
    if (i <= 0) {
      return reason;
    }
    Rsc prev = g.children.get(i - 1);
    if (!reason.equals("required " + prev.id + " start") || p.activeNodes(prev).size() != 1) {
      return reason;
    }
    String before = memberStopReason(prev, stopReason(prev, p.starts.get(prev), p.stops.get(prev).get(0)));
    boolean restartRequired = before != null && before.startsWith("required ") && !before.endsWith(" stop");
    return restartRequired ? "required " + prev.id + " stop" : reason;
  }

  private static String due(String reason) {
    return reason == null ? null : "due to " + reason;
  }
}
