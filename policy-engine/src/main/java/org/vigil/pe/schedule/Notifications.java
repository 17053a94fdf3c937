package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.vigil.cib.model.Role;
import org.vigil.cib.values.Booleans;

/**
 * Clone notifications (meta {@code notify=true}): for each of demote, stop, start and promote
 * that happens to an instance, the clone's instances are told before ("pre") and after
 * ("post") through notify actions framed by pseudo-actions: {@code pre_notify_X},
 * {@code confirmed-pre_notify_X}, then the clone's X, then {@code post_notify_Xed} and
 * {@code confirmed-post_notify_Xed}. Each notify action carries the notify environment the
 * agent gets as {@code OCF_RESKEY_CRM_meta_notify_*}. Added once the executed actions are known.
 */
final class Notifications {
  private Notifications() {}

  /** The operations notified, in the order they happen within a transition. */
  private enum Operation {
    DEMOTE("demote", "demoted"),
    STOP("stop", "stopped"),
    START("start", "running"),
    PROMOTE("promote", "promoted");

    final String task;
    final String done;

    Operation(String task, String done) {
      this.task = task;
      this.done = done;
    }
  }

  /** An instance's primitive on a node (a node index). */
  private record Placed(Rsc prim, int node) {}

  /** Who is where before and after the transition, and what happens to whom. */
  private record Snapshot(List<Placed> active, List<Placed> inactive, List<Placed> promotedNow, List<Placed> after,
      Map<Operation, List<Placed>> changes) {}

  static void add(Planner p) {
    for (Rsc top : p.m.tops) {
      if (enabled(top)) {
        add(p, top);
      }
    }
  }

  /** A clone whose instances are notified (meta notify=true). */
  static boolean enabled(Rsc clone) {
    return clone.isClone() && Booleans.isTrue(clone.meta.get("notify").orElse(null), false);
  }

  private static void add(Planner p, Rsc clone) {
    Snapshot s = snapshot(p, clone);
    Act previousConfirmed = null;
    for (Operation op : Operation.values()) {
      List<Placed> changed = s.changes().get(op);
      if (changed.isEmpty()) {
        continue;
      }
      Act pre = pseudo(p, clone, "pre_notify_" + op.task);
      Act confirmedPre = pseudo(p, clone, "confirmed-pre_notify_" + op.task);
      Act post = pseudo(p, clone, "post_notify_" + op.done);
      Act confirmedPost = pseudo(p, clone, "confirmed-post_notify_" + op.done);
      if (previousConfirmed != null) {
        p.edge(previousConfirmed, pre, 0);
      }
      p.edge(pre, confirmedPre, 0);
      p.edge(confirmedPre, p.collective(clone, op.task), 0);
      Act done = p.collective(clone, op.done);
      List<Act.Edge> afterDone = List.copyOf(done.out);
      p.edge(done, post, 0);
      p.edge(post, confirmedPost, 0);
      // what waits for the clone's operation waits for its notifications too
      for (Act.Edge e : afterDone) {
        if ((e.flags() & Planner.PRINTS_FIRST) == 0 && e.then().type != Act.Type.CLUSTER) {
          p.edge(confirmedPost, e.then(), 0);
        }
      }
      Map<String, String> env = environment(p, s, op);
      for (Placed target : receivers(s, op, true)) {
        notify(p, target, pre, confirmedPre, env, "pre");
      }
      for (Placed target : receivers(s, op, false)) {
        notify(p, target, post, confirmedPost, env, "post");
      }
      previousConfirmed = confirmedPost;
    }
    if (previousConfirmed != null) {
      monitorsAfter(p, clone, previousConfirmed);
    }
  }

  /** The instances' new recurring monitors wait until every notification is confirmed. */
  private static void monitorsAfter(Planner p, Rsc clone, Act lastConfirmed) {
    List<Rsc> prims = clone.primitives();
    for (Act a : List.copyOf(p.acts)) {
      if (a.type == Act.Type.RESOURCE && a.task.equals("monitor") && a.intervalMs > 0 && executes(a)
          && prims.contains(a.rsc)) {
        p.edge(lastConfirmed, a, 0);
      }
    }
  }

  /**
   * Who is told: before a stop or demote (and after a demote) every active instance; after a
   * stop and before a start those staying up; after a start and around a promote those active
   * at the end.
   */
  private static List<Placed> receivers(Snapshot s, Operation op, boolean pre) {
    if (op == Operation.STOP || op == Operation.DEMOTE) {
      if (pre || op == Operation.DEMOTE) {
        return s.active();
      }
      return staying(s);
    }
    return op == Operation.START && pre ? staying(s) : s.after();
  }

  private static List<Placed> staying(Snapshot s) {
    List<Placed> out = new ArrayList<>();
    for (Placed a : s.active()) {
      if (s.changes().get(Operation.STOP).stream().noneMatch(c -> c.prim() == a.prim())) {
        out.add(a);
      }
    }
    return out;
  }

  private static void notify(Planner p, Placed target, Act before, Act after, Map<String, String> env, String type) {
    String node = p.m.nodes.get(target.node()).name();
    if (!p.m.nodes.get(target.node()).online() || p.m.willBeFenced(node)) {
      // an agent on a node that is down or being fenced cannot be told anything
      return;
    }
    Act n = new Act(Act.Type.RESOURCE, target.prim(), "notify", 0, target.node());
    n.required = true;
    n.attributes.putAll(env);
    n.attributes.put("notify_type", type);
    p.acts.add(n);
    p.edge(before, n, 0);
    p.edge(n, after, 0);
  }

  private static Act pseudo(Planner p, Rsc clone, String task) {
    Act a = new Act(Act.Type.PSEUDO, clone, task, 0, -1);
    a.required = true;
    p.acts.add(a);
    return a;
  }

  private static Snapshot snapshot(Planner p, Rsc clone) {
    List<Placed> active = new ArrayList<>();
    List<Placed> inactive = new ArrayList<>();
    List<Placed> promotedNow = new ArrayList<>();
    List<Placed> after = new ArrayList<>();
    Map<Operation, List<Placed>> changes = new java.util.EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      changes.put(op, new ArrayList<>());
    }
    for (Rsc inst : clone.children) {
      for (Rsc prim : inst.primitives()) {
        int now = currentNode(p.m, prim);
        boolean stopping = false;
        for (Act stop : p.stops.getOrDefault(prim, List.of())) {
          if (executes(stop)) {
            stopping = true;
            changes.get(Operation.STOP).add(new Placed(prim, stop.node));
          }
        }
        Act start = p.starts.get(prim);
        boolean starting = start != null && executes(start);
        if (starting) {
          changes.get(Operation.START).add(new Placed(prim, start.node));
        }
        if (now >= 0) {
          active.add(new Placed(prim, now));
          if (prim.state.role() == Role.PROMOTED) {
            promotedNow.add(new Placed(prim, now));
          }
        } else {
          inactive.add(new Placed(prim, -1));
        }
        if (starting) {
          after.add(new Placed(prim, start.node));
        } else if (now >= 0 && !stopping) {
          after.add(new Placed(prim, now));
        }
        Act promote = p.promotes.get(prim);
        if (promote != null && executes(promote)) {
          changes.get(Operation.PROMOTE).add(new Placed(prim, promote.node));
        }
        Act demote = p.demotes.get(prim);
        if (demote != null && executes(demote)) {
          changes.get(Operation.DEMOTE).add(new Placed(prim, demote.node));
        }
      }
    }
    return new Snapshot(active, inactive, promotedNow, after, changes);
  }

  private static boolean executes(Act a) {
    return a.executes() && a.node >= 0;
  }

  private static int currentNode(Model m, Rsc prim) {
    List<String> nodes = prim.state.activeNodes();
    return nodes.isEmpty() ? -1 : m.nodeIndex.getOrDefault(nodes.get(0), -1);
  }

  /**
   * The notify environment, as "Pacemaker Explained" lists it: space-separated resource
   * instances and the nodes they are on, for what is active, inactive, promoted and unpromoted
   * now and for what is started, stopped, promoted and demoted in this transition.
   */
  private static Map<String, String> environment(Planner p, Snapshot s, Operation op) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    env.put("notify_operation", op.task);
    List<Placed> unpromoted = new ArrayList<>(s.active());
    unpromoted.removeIf(a -> s.promotedNow().stream().anyMatch(m -> m.prim() == a.prim()));
    put(p, env, "start", s.changes().get(Operation.START));
    put(p, env, "stop", s.changes().get(Operation.STOP));
    put(p, env, "promote", s.changes().get(Operation.PROMOTE));
    put(p, env, "demote", s.changes().get(Operation.DEMOTE));
    put(p, env, "active", s.active());
    put(p, env, "inactive", s.inactive());
    put(p, env, "promoted", s.promotedNow());
    put(p, env, "master", s.promotedNow());
    put(p, env, "unpromoted", unpromoted);
    put(p, env, "slave", unpromoted);
    TreeSet<String> all = new TreeSet<>();
    for (int i = 0; i < p.m.nodes.size(); i++) {
      if (p.m.nodes.get(i).online()) {
        all.add(p.m.nodes.get(i).name());
      }
    }
    env.put("notify_all_uname", String.join(" ", all));
    return env;
  }

  private static void put(Planner p, Map<String, String> env, String what, List<Placed> placed) {
    List<String> resources = new ArrayList<>();
    List<String> unames = new ArrayList<>();
    for (Placed a : placed) {
      resources.add(a.prim().id);
      if (a.node() >= 0) {
        unames.add(p.m.nodes.get(a.node()).name());
      }
    }
    env.put("notify_" + what + "_resource", String.join(" ", resources));
    env.put("notify_" + what + "_uname", String.join(" ", unames));
  }
}
