package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.pe.status.Migrations;
import org.vigil.pe.status.NodeStatus;

/**
 * Which moving resources live-migrate instead of stopping and starting. A primitive with
 * {@code allow-migrate} that moves between two healthy nodes, runs in one place, has not
 * failed there (nor is only presumed to run there) and is no clone instance migrates, unless
 * something it is ordered after (a mandatory start-then-start ordering, or the group member
 * before it) will not run, or restarts or moves without migrating: its stop must then precede
 * that resource's stop, which precedes that resource's start, which its migration would have
 * to follow.
 *
 * <p>A migrating resource stays up throughout, so its start does not force a restart of what
 * is ordered after it, and its stop does not force the stop of what must stop before it. It
 * runs migrate_to on the source, migrate_from on the target, then stops the source; its start
 * is a pseudo-action.
 */
final class Migration {
  private final Model m;
  /** The resources that migrate. */
  final Set<Rsc> migrating = new LinkedHashSet<>();
  /** Resources that could have migrated, with what kept them from it. */
  final Map<Rsc, String> blockedBy = new HashMap<>();

  Migration(Model m) {
    this.m = m;
  }

  /** Decides who migrates (after assignment) and loosens their orderings in {@code p}. */
  void decide(Planner p) {
    for (Rsc top : m.tops) {
      for (Rsc r : top.primitives()) {
        if (candidate(r)) {
          migrating.add(r);
        }
      }
    }
    migrating.removeIf(this::mustFollowSomethingStopped);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Rsc r : List.copyOf(migrating)) {
        Rsc blocker = stoppingFirst(r);
        if (blocker != null) {
          migrating.remove(r);
          blockedBy.put(r, blocker.id);
          changed = true;
        }
      }
    }
    for (Rsc r : migrating) {
      loosen(p, r);
      addActions(p, r);
    }
  }

  /**
   * migrate_to on the source, then migrate_from on the target, then the stop of the source;
   * the start is no action of its own (a pseudo-action after the stop), and what it had to
   * follow the migrate_to follows too.
   */
  private static void addActions(Planner p, Rsc r) {
    Act start = p.starts.get(r);
    Act stop = p.stops.get(r).get(0);
    Act migrateTo = new Act(Act.Type.RESOURCE, r, "migrate_to", 0, stop.node);
    Act migrateFrom = new Act(Act.Type.RESOURCE, r, "migrate_from", 0, start.node);
    for (Act a : List.of(migrateTo, migrateFrom)) {
      a.required = true;
      a.runnable = start.runnable && stop.runnable;
      p.acts.add(a);
    }
    for (Act.Edge e : List.copyOf(start.in)) {
      if (e.first().rsc != r) {
        p.edge(e.first(), migrateTo, e.flags() & Act.Edge.RUNNABLE_LEFT);
      }
    }
    p.edge(migrateTo, migrateFrom, Act.Edge.RUNNABLE_LEFT);
    p.edge(migrateFrom, stop, 0);
    // the source stops last, after the resource already runs on the target: nothing waits for it
    for (Act.Edge e : List.copyOf(stop.out)) {
      if (e.then().rsc != r) {
        stop.out.remove(e);
        e.then().in.remove(e);
      }
    }
    start.attributes.put("implied-by-migration", "true");
  }

  private boolean candidate(Rsc r) {
    if (!allowMigrate(r) || r.enclosingClone() != null || !m.managed(r)) {
      return false;
    }
    List<String> active = r.state.activeNodes();
    if (active.size() != 1 || r.node < 0) {
      return false;
    }
    NodeStatus source = m.node(active.get(0));
    if (source == null || m.nodeIndex.get(source.name()) == r.node || !source.online() || source.unclean()) {
      return false;
    }
    return !m.failedOn(r, source.name()) && !Migrations.hasDanglingSource(r.state)
        && !Migrations.presumedActive(r.state, r.state.history(source.name()));
  }

  /** {@code allow-migrate}, which remote node connections have unless told otherwise. */
  private static boolean allowMigrate(Rsc r) {
    if (r.meta.get("allow-migrate").isPresent()) {
      return r.meta.allowMigrate();
    }
    var p = r.state.primitive();
    return p != null && "ocf".equals(p.resourceClass()) && "pacemaker".equals(p.provider())
        && "remote".equals(p.type());
  }

  /** A resource {@code r} must start after that restarts or moves without migrating, or null. */
  private Rsc stoppingFirst(Rsc r) {
    for (Ordering o : m.orderings) {
      if (o.kind() != Ordering.Kind.MANDATORY || !o.firstAction().equals("start") || !o.thenAction().equals("start")
          || !startsWith(o.then(), r)) {
        continue;
      }
      if (restarts(o.first(), r)) {
        return o.first();
      }
    }
    return null;
  }

  /**
   * Whether {@code first} (other than {@code r}) stops somewhere and starts somewhere without
   * migrating: {@code r}'s stop would have to precede that stop, which precedes that start,
   * which a migration of {@code r} must follow.
   */
  private boolean restarts(Rsc first, Rsc r) {
    boolean stops = false;
    boolean starts = false;
    for (Rsc f : first.primitives()) {
      if (f != r && !migrating.contains(f)) {
        stops |= stops(f);
        starts |= starts(f);
      }
    }
    return stops && starts;
  }

  private boolean starts(Rsc f) {
    if (!m.managed(f) || f.node < 0) {
      return false;
    }
    String target = m.nodes.get(f.node).name();
    return !f.state.activeNodes().contains(target) || m.failedOn(f, target);
  }

  /** Whether {@code r} must start after something that will not run at all: it cannot start either. */
  private boolean mustFollowSomethingStopped(Rsc r) {
    for (Ordering o : m.orderings) {
      if (o.kind() == Ordering.Kind.MANDATORY && o.firstAction().equals("start") && o.thenAction().equals("start")
          && startsWith(o.then(), r) && o.first().primitives().stream().allMatch(f -> f.node < 0)) {
        return true;
      }
    }
    return false;
  }

  /** Whether starting {@code then} starts {@code r}: {@code r} itself or a collective holding it. */
  private static boolean startsWith(Rsc then, Rsc r) {
    for (Rsc x = r; x != null; x = x.parent) {
      if (x == then) {
        return true;
      }
    }
    return false;
  }

  /** Active somewhere it will not stay (moved, stopped or recovered). */
  private boolean stops(Rsc f) {
    if (!m.managed(f)) {
      return false;
    }
    for (String node : f.state.activeNodes()) {
      Integer idx = m.nodeIndex.get(node);
      if (idx == null || idx != f.node || m.failedOn(f, node)) {
        return true;
      }
    }
    return false;
  }

  private static void loosen(Planner p, Rsc r) {
    Act start = p.starts.get(r);
    List<Act.Edge> out = new ArrayList<>(start.out);
    for (Act.Edge e : out) {
      if (e.then().rsc != r && (e.flags() & Act.Edge.IMPLIES_THEN) != 0) {
        replace(e, new Act.Edge(e.first(), e.then(), e.flags() & ~Act.Edge.IMPLIES_THEN));
      }
    }
    for (Act stop : p.stops.get(r)) {
      for (Act.Edge e : new ArrayList<>(stop.in)) {
        if (e.first().rsc != r && (e.flags() & Act.Edge.IMPLIES_FIRST) != 0) {
          replace(e, new Act.Edge(e.first(), e.then(), e.flags() & ~Act.Edge.IMPLIES_FIRST));
        }
      }
    }
  }

  private static void replace(Act.Edge old, Act.Edge e) {
    old.first().out.set(old.first().out.indexOf(old), e);
    old.then().in.set(old.then().in.indexOf(old), e);
  }
}
