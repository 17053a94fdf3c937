package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.cib.model.Bundle;
import org.vigil.cib.model.Clone;
import org.vigil.cib.model.Colocation;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.Constraint;
import org.vigil.cib.model.Group;
import org.vigil.cib.model.Location;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Order;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.cib.model.ResourceSet;
import org.vigil.cib.model.Role;
import org.vigil.cib.model.Rule;
import org.vigil.cib.model.Tag;
import org.vigil.cib.values.Booleans;
import org.vigil.cib.values.Score;
import org.vigil.pe.rules.RuleContext;
import org.vigil.pe.rules.Rules;
import org.vigil.pe.status.BundleLayout;
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.ClusterStatus;
import org.vigil.pe.status.NodeHistory;
import org.vigil.pe.status.NodeStatus;
import org.vigil.pe.status.OnFail;
import org.vigil.pe.status.ResourceMeta;
import org.vigil.pe.status.ResourceState;

/**
 * The working tree of resources with their constraints resolved: location scores per
 * resource, colocations, orderings (explicit ones and those implied by groups).
 */
final class Model {
  final ClusterState state;
  final List<NodeStatus> nodes;
  final Map<String, Integer> nodeIndex = new HashMap<>();
  /** Top-level resources in configuration order, orphans last. */
  final List<Rsc> tops = new ArrayList<>();
  final Map<String, Rsc> byId = new LinkedHashMap<>();
  /** Location scores added per resource (group and clone scores on the group or clone). */
  final Map<Rsc, int[]> locations = new HashMap<>();
  final List<Coloc> colocations = new ArrayList<>();
  final List<Ordering> orderings = new ArrayList<>();
  final List<OneOrMore> oneOrMore = new ArrayList<>();
  final List<String> messages = new ArrayList<>();
  /** Parameter digests worked out so far (comparing definitions with histories). */
  final Digests digests = new Digests();
  private final Map<String, List<String>> tags = new HashMap<>();
  /**
   * Resources the configuration implies rather than defines (guest connections, a bundle's
   * containers, addresses and connections): their parameters are not compared with history.
   */
  final java.util.Set<Rsc> implicit = new java.util.HashSet<>();
  /** A bundle's containers clone to its primitive's clone. */
  private final Map<Rsc, Rsc> bundleChildOf = new HashMap<>();
  /** Bundles' containers clones. */
  private final java.util.Set<Rsc> bundles = new java.util.HashSet<>();
  /** The implicit clones of bundles' primitives. */
  final java.util.Set<Rsc> bundleChildClones = new java.util.HashSet<>();
  /** Resources inside container resources. */
  final Containers containers;
  /** Remote and guest nodes with their connections. */
  final RemoteNodes remotes;
  private int counter;
  private Map<String, String> rscDefaults = Map.of();

  Model(ClusterState state) {
    this.state = state;
    this.nodes = new ArrayList<>(state.nodes());
    for (int i = 0; i < nodes.size(); i++) {
      nodeIndex.put(nodes.get(i).name(), i);
    }
    Configuration config = state.cib().configuration();
    for (Tag t : config.tags()) {
      tags.put(t.id(), t.refs());
    }
    Map<String, ResourceState> instances = state.resourcesById();
    rscDefaults = ClusterStatus.firstWins(config.rscDefaults(), state.now());
    for (Resource r : config.resources()) {
      if (r instanceof Bundle b) {
        addBundle(b, instances);
        continue;
      }
      Rsc top = build(r, null, instances, -1, List.of());
      if (top != null) {
        tops.add(top);
      }
    }
    for (ResourceState rs : state.resources()) {
      // implicit resources (a guest node's connection) come after the configured ones
      if (!rs.orphan() && rs.cloneId() == null && !byId.containsKey(rs.id())) {
        Rsc implicit = new Rsc(rs.id(), Rsc.Kind.PRIMITIVE, null, rs, rs.meta(), counter++);
        byId.put(implicit.id, implicit);
        tops.add(implicit);
        this.implicit.add(implicit);
      }
    }
    for (ResourceState rs : state.resources()) {
      if (rs.orphan() && !byId.containsKey(rs.id())) {
        Rsc o = new Rsc(rs.id(), Rsc.Kind.PRIMITIVE, null, rs, rs.meta(), counter++);
        byId.put(o.id, o);
        tops.add(o);
      }
    }
    for (Rsc top : tops) {
      addGroupInternals(top);
    }
    remotes = new RemoteNodes(this);
    remotes.addConstraints();
    containers = new Containers(this);
    containers.addConstraints(this);
    for (Constraint c : config.constraints()) {
      if (c instanceof Location l) {
        addLocation(l);
      } else if (c instanceof Colocation co) {
        addColocation(co);
      } else if (c instanceof Order o) {
        addOrder(o);
      }
    }
    Tickets.apply(this);
  }

  /**
   * Whether the cluster may act on a primitive: is-managed, no maintenance (cluster, resource
   * or the node it runs on), not blocked by a failure or by multiple-active=block, and for
   * orphans stop-orphan-resources.
   */
  boolean managed(Rsc r) {
    ResourceState st = r.state;
    if (!st.managed() || state.options().maintenanceMode() || blocked(r)) {
      return false;
    }
    if (st.orphan() && st.cloneId() == null && !state.options().stopOrphanResources()) {
      return false;
    }
    List<String> active = st.activeNodes();
    if (r.meta.multipleActive().equals("block") && blockedMultiplyActive(r)) {
      return false;
    }
    for (int i = 0; i < active.size(); i++) {
      NodeStatus ns = node(active.get(i));
      if (ns != null && ns.maintenance()) {
        return false;
      }
    }
    return true;
  }

  /** Multiply active under multiple-active=block: it, or in a group any member of the group. */
  private static boolean blockedMultiplyActive(Rsc r) {
    Rsc unit = r.parent != null && r.parent.kind == Rsc.Kind.GROUP ? r.parent : r;
    for (Rsc p : unit.primitives()) {
      if (p.state.activeNodes().size() > 1) {
        return true;
      }
    }
    return false;
  }

  /** Nodes that will be fenced: whatever their histories say is about to be cleared. */
  boolean willBeFenced(String node) {
    NodeStatus n = node(node);
    if (n != null && n.kind() == NodeStatus.Kind.GUEST) {
      // a guest is "fenced" by stopping its container: no fencing device needed
      return n.unclean();
    }
    if (n != null && n.kind() == NodeStatus.Kind.REMOTE && remotes != null && remotes.linkOf(nodeIndex.get(node)) == null) {
      // a remote node without a connection resource cannot be fenced: what ran there stays unknown
      return false;
    }
    var policy = state.options().noQuorumPolicy();
    // without quorum only nodes in our own membership may be fenced
    return n != null && n.unclean() && state.options().stonithEnabled() && (state.haveQuorum()
        || policy == org.vigil.pe.status.ClusterOptions.NoQuorumPolicy.IGNORE
        || policy == org.vigil.pe.status.ClusterOptions.NoQuorumPolicy.SUICIDE || n.online());
  }

  /** Blocked by a failure (on-fail=block), unless its node is unclean (everything there must stop). */
  boolean blocked(Rsc r) {
    for (String node : blockingNodes(r)) {
      NodeStatus n = node(node);
      if (n == null || !n.unclean()) {
        return true;
      }
    }
    return false;
  }

  /** The nodes whose history of the primitive has a failure with on-fail=block (worked out once: every stage asks). */
  private static String[] blockingNodes(Rsc r) {
    if (r.blockingNodes == null) {
      List<String> found = new ArrayList<>(0);
      for (NodeHistory h : r.state.histories().values()) {
        if (h.onFail() == OnFail.BLOCK) {
          found.add(h.node());
        }
      }
      r.blockingNodes = found.toArray(new String[0]);
    }
    return r.blockingNodes;
  }

  /**
   * Failed on that node (and the node is not about to be fenced), so that it must be
   * recovered there; a failure with on-fail=demote only costs it the Promoted role.
   */
  boolean failedOn(Rsc r, String node) {
    NodeHistory h = r.state.history(node);
    return h != null && h.failed() && h.onFail() != OnFail.DEMOTE && !willBeFenced(node);
  }

  /** Failed in the Promoted role on that node with on-fail=demote: it must be demoted there. */
  boolean demoteOnFailure(Rsc r, String node) {
    NodeHistory h = r.state.history(node);
    return h != null && h.onFail() == OnFail.DEMOTE && h.role() == Role.PROMOTED && !willBeFenced(node);
  }

  /** A node by name (with fencing decided by the configuration applied), or null. */
  NodeStatus node(String name) {
    Integer i = nodeIndex.get(name);
    return i == null ? null : nodes.get(i);
  }

  int nodeCount() {
    return nodes.size();
  }

  private Rsc build(Resource r, Rsc parent, Map<String, ResourceState> instances, int instance,
      List<List<NvSet>> metaChain) {
    List<List<NvSet>> chain = new ArrayList<>(metaChain);
    chain.add(ClusterStatus.ownMeta(r, state.cib().configuration()));
    if (r instanceof Primitive p) {
      // a primitive's meta attributes are its status's (unpacking worked them out)
      String id = instance >= 0 ? p.id() + ":" + instance : p.id();
      ResourceState rs = instances.get(id);
      if (rs == null) {
        return null;
      }
      Rsc rsc = new Rsc(id, Rsc.Kind.PRIMITIVE, parent, rs, rs.meta(), counter++);
      byId.put(id, rsc);
      return rsc;
    }
    ResourceMeta meta = ClusterStatus.mergedMeta(rscDefaults, chain, state.now());
    if (r instanceof Group g) {
      String id = instance >= 0 ? g.id() + ":" + instance : g.id();
      Rsc group = new Rsc(id, Rsc.Kind.GROUP, parent, null, meta, counter++);
      for (Primitive m : g.members()) {
        Rsc child = build(m, group, instances, instance, chain);
        if (child != null) {
          group.children.add(child);
        }
      }
      if (group.children.isEmpty()) {
        return null;
      }
      byId.put(id, group);
      return group;
    }
    if (r instanceof Clone c) {
      Rsc clone = new Rsc(c.id(), Rsc.Kind.CLONE, parent, null, meta, counter++);
      clone.promotable = c.legacyMaster() || Booleans.isTrue(meta.get("promotable").orElse(null), false);
      for (int i = 0; ; i++) {
        Rsc child = build(c.child(), clone, instances, i, chain);
        if (child == null) {
          break;
        }
        clone.children.add(child);
      }
      byId.put(c.id(), clone);
      byId.putIfAbsent(c.child().id(), clone);
      return clone;
    }
    return null;
  }

  /**
   * A bundle as the scheduler sees it: its containers as instances of a clone named after the
   * bundle (so constraints on the bundle apply to any replica, and replicas spread out), each
   * address placed with and started before its container, and the bundle's primitive as a
   * clone whose instance N may only run in guest node N (the connections join later, as
   * implicit resources).
   */
  private void addBundle(Bundle b, Map<String, ResourceState> instances) {
    BundleLayout layout = BundleLayout.of(b);
    List<List<NvSet>> chain = List.of(b.metaAttributes());
    ResourceMeta bundleMeta = ClusterStatus.mergedMeta(rscDefaults, chain, state.now());
    Map<String, String> cloneMeta = new HashMap<>(bundleMeta.values());
    cloneMeta.put("clone-max", String.valueOf(layout.replicas()));
    cloneMeta.putIfAbsent("clone-node-max",
        b.container() == null ? "1" : b.container().attr("replicas-per-host", "1"));
    Rsc containers = new Rsc(b.id(), Rsc.Kind.CLONE, null, null, new ResourceMeta(cloneMeta), counter++);
    byId.put(b.id(), containers);
    tops.add(containers);
    bundles.add(containers);
    List<Rsc> ips = new ArrayList<>();
    for (BundleLayout.Replica rep : layout.replicaList()) {
      ResourceState cs = instances.get(rep.container().id());
      Rsc container = new Rsc(cs.id(), Rsc.Kind.PRIMITIVE, containers, cs, cs.meta(), counter++);
      containers.children.add(container);
      implicit.add(container);
      byId.put(container.id, container);
      if (rep.ip() != null) {
        ResourceState is = instances.get(rep.ip().id());
        Rsc ip = new Rsc(is.id(), Rsc.Kind.PRIMITIVE, null, is, is.meta(), counter++);
        implicit.add(ip);
        byId.put(ip.id, ip);
        ips.add(ip);
        colocate("bundle:" + b.id(), ip, container, Score.INFINITY, null, null, null);
        order("bundle:" + b.id(), ip, "start", container, "start", Ordering.Kind.MANDATORY, true);
      }
    }
    tops.addAll(ips);
    if (b.primitive() == null) {
      return;
    }
    Map<String, String> childCloneMeta = new HashMap<>(cloneMeta);
    childCloneMeta.put("clone-node-max", "1");
    childCloneMeta.put("promoted-max", String.valueOf(layout.promotedMax()));
    Rsc clone = new Rsc(layout.cloneId(), Rsc.Kind.CLONE, null, null, new ResourceMeta(childCloneMeta), counter++);
    clone.promotable = layout.promotedMax() > 0;
    bundleChildClones.add(clone);
    bundleChildOf.put(containers, clone);
    for (BundleLayout.Replica rep : layout.replicaList()) {
      ResourceState is = instances.get(b.primitive().id() + ":" + rep.index());
      Rsc inst = new Rsc(is.id(), Rsc.Kind.PRIMITIVE, clone, is, is.meta(), counter++);
      clone.children.add(inst);
      byId.put(inst.id, inst);
      Integer home = nodeIndex.get(rep.connection().id());
      for (int i = 0; i < nodes.size(); i++) {
        if (home == null || i != home) {
          addLocation(inst, null, i, Score.MINUS_INFINITY);
        }
      }
    }
    byId.put(clone.id, clone);
    byId.putIfAbsent(b.primitive().id(), clone);
    tops.add(clone);
  }

  private static boolean isPromotionRole(Role role) {
    return role == Role.PROMOTED || role == Role.UNPROMOTED;
  }

  /** A bundle's containers (the clone named after the bundle). */
  boolean isBundle(Rsc r) {
    return bundles.contains(r);
  }

  /** The bundle whose primitive's clone {@code r} is, or null. */
  Rsc bundleOf(Rsc r) {
    if (!bundleChildClones.contains(r)) {
      return null;
    }
    for (Map.Entry<Rsc, Rsc> e : bundleChildOf.entrySet()) {
      if (e.getValue() == r) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Roles belong to a bundle's primitive: a bundle in a role constraint stands for its primitive's clone. */
  Rsc bundleChild(Rsc r) {
    Rsc child = bundleChildOf.get(r);
    return child == null ? r : child;
  }

  /** Group members are colocated with and ordered after the member before them (unless the group says not). */
  private void addGroupInternals(Rsc r) {
    if (r.kind == Rsc.Kind.GROUP) {
      for (int i = 1; i < r.children.size(); i++) {
        Rsc prev = r.children.get(i - 1);
        Rsc cur = r.children.get(i);
        if (r.collocatedGroup()) {
          Coloc c = new Coloc("group:" + r.id, cur, prev, Score.INFINITY, null, null, null);
          colocations.add(c);
          cur.asDependent.add(c);
          prev.asPrimary.add(c);
        }
        if (r.orderedGroup()) {
          orderings.add(new Ordering("group:" + r.id, prev, "start", cur, "start", Ordering.Kind.MANDATORY));
          orderings.add(new Ordering("group:" + r.id, cur, "stop", prev, "stop", Ordering.Kind.MANDATORY));
        }
      }
    }
    for (Rsc c : r.children) {
      addGroupInternals(c);
    }
  }

  /** The resources a constraint's reference names: a resource, every resource of a tag or of a template. */
  List<Rsc> resolve(String ref) {
    List<Rsc> out = new ArrayList<>();
    if (ref == null) {
      return out;
    }
    Rsc r = byId.get(ref);
    if (r != null) {
      out.add(r);
      return out;
    }
    List<String> tagged = tags.get(ref);
    if (tagged != null) {
      for (String t : tagged) {
        Rsc x = byId.get(t);
        if (x != null) {
          out.add(x);
        }
      }
      return out;
    }
    // a template stands for every primitive built from it
    for (Rsc x : byId.values()) {
      if (x.isPrimitive() && x.state.primitive() != null && ref.equals(x.state.primitive().template())) {
        out.add(x);
      }
    }
    return out;
  }

  // ---- locations ----

  private void addLocation(Location l) {
    List<Rsc> targets = new ArrayList<>();
    if (l.rsc() != null) {
      targets.addAll(resolve(l.rsc()));
    } else if (l.rscPattern() != null) {
      java.util.regex.Pattern p;
      boolean negate = l.rscPattern().startsWith("!");
      try {
        p = java.util.regex.Pattern.compile(negate ? l.rscPattern().substring(1) : l.rscPattern());
      } catch (RuntimeException e) {
        messages.add("error: Invalid regular expression " + l.rscPattern() + " in " + l.id());
        return;
      }
      for (Rsc top : tops) {
        if (p.matcher(top.id).find() != negate) {
          targets.add(top);
        }
      }
    }
    for (ResourceSet set : l.sets()) {
      for (String ref : set.resources()) {
        targets.addAll(resolve(ref));
      }
    }
    Role role = Role.parse(l.role()).orElse(null);
    for (Rsc r : targets) {
      if (l.node() != null) {
        Integer idx = nodeIndex.get(l.node());
        int score = Score.parse(l.score()).orElse(0);
        if (idx != null) {
          addLocation(r, role, idx, score);
          discovery(l, r, idx);
        }
        continue;
      }
      for (Rule rule : l.rules()) {
        Role ruleRole = Role.parse(rule.role()).orElse(role);
        for (int i = 0; i < nodes.size(); i++) {
          NodeStatus n = nodes.get(i);
          RuleContext ctx = new RuleContext(n.attributes(), state.now(), params(r, n), metaValues(r));
          if (!Rules.matches(rule, ctx)) {
            continue;
          }
          int score;
          if (rule.scoreAttribute() != null) {
            String v = n.attribute(rule.scoreAttribute());
            score = v == null ? Score.MINUS_INFINITY : Score.parse(v).orElse(0);
          } else {
            score = Score.parse(rule.score()).orElse(0);
          }
          addLocation(r, ruleRole, i, score);
          discovery(l, r, i);
        }
      }
    }
  }

  /** Role-specific locations (Promoted) only weigh in on promotion. */
  void addLocation(Rsc r, Role role, int idx, int score) {
    if (role == Role.PROMOTED || role == Role.UNPROMOTED) {
      r = bundleChild(r);
      if (role == Role.PROMOTED) {
        int[] p = promotedLocations.computeIfAbsent(r, k -> new int[nodes.size()]);
        p[idx] = Score.add(p[idx], score);
      }
      return;
    }
    int[] scores = locations.computeIfAbsent(r, k -> new int[nodes.size()]);
    scores[idx] = Score.add(scores[idx], score);
    markMentioned(r, idx);
  }

  /**
   * Nodes named by location constraints with resource-discovery=exclusive: the resource is
   * probed and placed on these nodes only.
   */
  final Map<Rsc, boolean[]> exclusiveNodes = new HashMap<>();
  /** Nodes where a resource-discovery=never constraint forbids probing the resource. */
  final Map<Rsc, boolean[]> neverProbed = new HashMap<>();

  private void discovery(Location l, Rsc r, int idx) {
    String mode = l.resourceDiscovery() == null ? "always" : l.resourceDiscovery().toLowerCase(Locale.ROOT);
    if (mode.equals("exclusive")) {
      exclusiveNodes.computeIfAbsent(r, k -> new boolean[nodes.size()])[idx] = true;
    } else if (mode.equals("never")) {
      neverProbed.computeIfAbsent(r, k -> new boolean[nodes.size()])[idx] = true;
    }
  }

  /** Whether the resource (or a group or clone it belongs to) may be probed on the node. */
  boolean discoverable(Rsc r, int idx) {
    for (Rsc x = r; x != null; x = x.parent) {
      boolean[] only = exclusiveNodes.get(x);
      boolean[] never = neverProbed.get(x);
      if ((only != null && !only[idx]) || (never != null && never[idx])) {
        return false;
      }
    }
    return true;
  }

  /** Location scores for the Promoted role of promotable clones. */
  final Map<Rsc, int[]> promotedLocations = new HashMap<>();

  /** Nodes a location constraint names; in an asymmetric cluster only these are allowed. */
  final Map<Rsc, boolean[]> mentioned = new HashMap<>();

  private void markMentioned(Rsc r, int idx) {
    mentioned.computeIfAbsent(r, k -> new boolean[nodes.size()])[idx] = true;
  }

  /** A resource's instance attributes as they resolve on a node (sets may have node rules). */
  private Map<String, String> params(Rsc r, NodeStatus n) {
    List<Rsc> prims = r.primitives();
    if (prims.isEmpty() || prims.get(0).state.primitive() == null) {
      return Map.of();
    }
    return ClusterStatus.firstWins(prims.get(0).state.primitive().instanceAttributes(),
        new RuleContext(n.attributes(), state.now(), Map.of(), Map.of()));
  }

  private static Map<String, String> metaValues(Rsc r) {
    return r.meta == null ? Map.of() : r.meta.values();
  }

  // ---- colocations ----

  private void addColocation(Colocation c) {
    int score = Score.parse(c.score()).orElse(0);
    if (c.sets().isEmpty()) {
      addPairColocation(c, score);
      return;
    }
    // Within a sequential set each resource is placed with the one before it (with the one
    // after it for ordering="listed", as crm_simulate does); with several sets, every resource
    // of a set is placed with those of the set after it.
    List<ResourceSet> sets = c.sets();
    for (ResourceSet set : sets) {
      int s = set.score() != null ? Score.parse(set.score()).orElse(score) : score;
      Role role = Role.parse(set.role()).orElse(null);
      if (Booleans.isTrue(set.sequential(), true)) {
        List<Rsc> members = resolveAll(set.resources());
        if ("listed".equals(set.ordering())) {
          java.util.Collections.reverse(members);
        }
        for (int i = 1; i < members.size(); i++) {
          // an anti-colocation set keeps every member away from every member before it
          int from = s < 0 ? 0 : i - 1;
          for (int j = from; j < i; j++) {
            colocate(c.id(), members.get(i), members.get(j), s, role, role, c.nodeAttribute());
          }
        }
      }
    }
    for (int i = 0; i + 1 < sets.size(); i++) {
      ResourceSet a = sets.get(i);
      ResourceSet b = sets.get(i + 1);
      List<Rsc> as = resolveAll(a.resources());
      List<Rsc> bs = resolveAll(b.resources());
      if (as.isEmpty() || bs.isEmpty()) {
        continue;
      }
      boolean aSeq = Booleans.isTrue(a.sequential(), true);
      boolean bSeq = Booleans.isTrue(b.sequential(), true);
      // a sequential set's chain hangs from its first member and ends at its last: the
      // dependent set's first member follows the primary set's last one
      List<Rsc> dependents = aSeq ? List.of(as.get(0)) : as;
      List<Rsc> primaries = bSeq ? List.of(bs.get(bs.size() - 1)) : bs;
      for (Rsc d : dependents) {
        for (Rsc p : primaries) {
          colocate(c.id(), d, p, score, Role.parse(a.role()).orElse(null), Role.parse(b.role()).orElse(null),
              c.nodeAttribute());
        }
      }
    }
  }

  /**
   * A colocation of two references. A tag or template on one side stands for a sequential
   * set of its resources: each placed with the one before it, the set hanging from its first
   * member and ending at its last, like a two-set constraint. With a tag or template on both
   * sides crm_simulate places nothing together (template-coloc-3 scores are all 0).
   */
  private void addPairColocation(Colocation c, int score) {
    List<Rsc> deps = resolve(c.rsc());
    List<Rsc> pris = resolve(c.withRsc());
    if (deps.isEmpty() || pris.isEmpty()) {
      return;
    }
    boolean depIsSet = !byId.containsKey(c.rsc());
    boolean priIsSet = !byId.containsKey(c.withRsc());
    if (depIsSet && priIsSet) {
      return;
    }
    Role depRole = Role.parse(c.rscRole()).orElse(null);
    Role priRole = Role.parse(c.withRscRole()).orElse(null);
    chain(c, depIsSet ? deps : pris, score, depIsSet ? depRole : priRole);
    colocate(c.id(), deps.get(0), pris.get(pris.size() - 1), score, depRole, priRole, c.nodeAttribute());
  }

  private void chain(Colocation c, List<Rsc> members, int score, Role role) {
    for (int i = 1; i < members.size(); i++) {
      colocate(c.id(), members.get(i), members.get(i - 1), score, role, role, c.nodeAttribute());
    }
  }

  private List<Rsc> resolveAll(List<String> refs) {
    List<Rsc> out = new ArrayList<>();
    refs.forEach(ref -> out.addAll(resolve(ref)));
    return out;
  }

  void colocate(String id, Rsc dep, Rsc pri, int score, Role depRole, Role priRole, String attr) {
    if (isPromotionRole(depRole)) {
      dep = bundleChild(dep);
    }
    if (isPromotionRole(priRole)) {
      pri = bundleChild(pri);
    }
    if (dep == pri || score == 0) {
      return;
    }
    if (isPromotionRole(priRole) && pri.isClone() && !pri.promotable) {
      // the instances of a clone that cannot be promoted count in any role they run in
      priRole = null;
    }
    Coloc c = new Coloc(id, dep, pri, score, depRole, priRole, attr);
    colocations.add(c);
    dep.asDependent.add(c);
    pri.asPrimary.add(c);
  }

  // ---- orderings ----

  private void addOrder(Order o) {
    Ordering.Kind kind = kind(o.kind(), o.score());
    boolean symmetrical = o.symmetrical() == null ? kind != Ordering.Kind.SERIALIZE : Booleans.isTrue(o.symmetrical(), true);
    if (o.sets().isEmpty()) {
      String fa = action(o.firstAction(), "start");
      String ta = action(o.thenAction(), fa);
      boolean requireAll = Booleans.isTrue(o.requireAll(), true);
      for (Rsc f : resolve(o.first())) {
        int min = f.isClone() ? cloneMin(f, requireAll) : 0;
        for (Rsc t : resolve(o.then())) {
          if (min > 0 && f != t) {
            oneOrMore.add(new OneOrMore("clone-one-or-more:" + o.id(), f.children, fa, min, List.of(t), ta, kind));
            inverse(o.id(), f, fa, t, ta, kind, symmetrical, true);
          } else {
            order(o.id(), f, fa, t, ta, kind, symmetrical);
          }
        }
      }
      return;
    }
    List<ResourceSet> sets = o.sets();
    for (ResourceSet set : sets) {
      Ordering.Kind k = set.kind() != null ? kind(set.kind(), null) : kind;
      String a = action(set.action(), "start");
      if (Booleans.isTrue(set.sequential(), true)) {
        List<Rsc> members = resolveAll(set.resources());
        for (int i = 1; i < members.size(); i++) {
          order(o.id(), members.get(i - 1), a, members.get(i), a, k, symmetrical);
        }
      }
    }
    for (int i = 0; i + 1 < sets.size(); i++) {
      ResourceSet a = sets.get(i);
      ResourceSet b = sets.get(i + 1);
      List<Rsc> as = resolveAll(a.resources());
      List<Rsc> bs = resolveAll(b.resources());
      if (as.isEmpty() || bs.isEmpty()) {
        continue;
      }
      List<Rsc> thens = Booleans.isTrue(b.sequential(), true) ? List.of(bs.get(0)) : bs;
      if (!Booleans.isTrue(a.requireAll(), true)) {
        oneOrMore.add(new OneOrMore("one-or-more:" + a.id(), as, action(a.action(), "start"), 1, thens,
            action(b.action(), "start"), kind));
        continue;
      }
      List<Rsc> firsts = Booleans.isTrue(a.sequential(), true) ? List.of(as.get(as.size() - 1)) : as;
      for (Rsc f : firsts) {
        for (Rsc t : thens) {
          order(o.id(), f, action(a.action(), "start"), t, action(b.action(), "start"), kind, symmetrical);
        }
      }
    }
  }

  private static String action(String a, String fallback) {
    return a == null ? fallback : a.toLowerCase(Locale.ROOT);
  }

  private static Ordering.Kind kind(String kind, String score) {
    if (kind != null) {
      return switch (kind.toLowerCase(Locale.ROOT)) {
        case "optional" -> Ordering.Kind.OPTIONAL;
        case "serialize" -> Ordering.Kind.SERIALIZE;
        default -> Ordering.Kind.MANDATORY;
      };
    }
    if (score != null && Score.parse(score).orElse(Score.INFINITY) == 0) {
      return Ordering.Kind.OPTIONAL;
    }
    return Ordering.Kind.MANDATORY;
  }

  void order(String id, Rsc first, String fa, Rsc then, String ta, Ordering.Kind kind, boolean symmetrical) {
    if (fa.equals("promote") || fa.equals("demote")) {
      first = bundleChild(first);
    }
    if (ta.equals("promote") || ta.equals("demote")) {
      then = bundleChild(then);
    }
    // between the same two actions the first constraint counts; crm_simulate ignores the rest
    if (first == then || !orderedPairs.add(List.of(first.id, fa, then.id, ta))) {
      return;
    }
    orderings.add(new Ordering(id, first, fa, then, ta, kind, false, false, !symmetrical));
    inverse(id, first, fa, then, ta, kind, symmetrical, false);
  }

  private final Set<List<String>> orderedPairs = new HashSet<>();

  /** The reverse of a symmetrical ordering: then's stop before first's stop, and so on. */
  private void inverse(String id, Rsc first, String fa, Rsc then, String ta, Ordering.Kind kind, boolean symmetrical,
      boolean countsInstances) {
    if (symmetrical && kind != Ordering.Kind.SERIALIZE) {
      String rfa = inverse(ta);
      String rta = inverse(fa);
      if (rfa != null && rta != null) {
        orderings.add(new Ordering(id, then, rfa, first, rta, kind, true, countsInstances));
      }
    }
  }

  /**
   * How many of a clone's instances an ordering after it waits for: clone-min, else 1 with
   * require-all=false; 0 when it waits for the whole clone.
   */
  private static int cloneMin(Rsc clone, boolean requireAll) {
    int min = clone.meta.get("clone-min").flatMap(Score::parse).orElse(0);
    return min > 0 ? min : requireAll ? 0 : 1;
  }

  private static String inverse(String action) {
    return switch (action) {
      case "start" -> "stop";
      case "stop" -> "start";
      case "promote" -> "demote";
      case "demote" -> "promote";
      default -> null;
    };
  }
}
