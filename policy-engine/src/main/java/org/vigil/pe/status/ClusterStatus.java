package org.vigil.pe.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cib.model.Bundle;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Clone;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.Group;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.Node;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Op;
import org.vigil.cib.model.Operations;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.cib.model.Role;
import org.vigil.cib.model.Template;
import org.vigil.cib.values.Booleans;
import org.vigil.cib.values.Durations;
import org.vigil.cib.values.Score;
import org.vigil.pe.rules.RuleContext;
import org.vigil.pe.rules.Rules;

/** Unpacks a CIB's configuration and status into a {@link ClusterState}. */
public final class ClusterStatus {
  private ClusterStatus() {}

  /** The cluster at {@code now} as {@code cib} describes it. */
  public static ClusterState unpack(Cib cib, Instant now) {
    return unpack(cib, now, new Replays());
  }

  /**
   * As {@link #unpack(Cib, Instant)}, reusing the histories {@code replays} kept from
   * unpacking an earlier version of the CIB with the same configuration (and keeping this one's).
   */
  public static ClusterState unpack(Cib cib, Instant now, Replays replays) {
    Configuration config = cib.configuration();
    replays.begin(cib, now);
    ClusterOptions options = ClusterOptions.of(config);
    List<RemoteLink> links = RemoteLink.of(cib, now);
    Map<String, NodeStatus> nodes = unpackNodes(cib, options, now, links);
    List<Slot> slots = new ArrayList<>();
    Map<String, String> rscDefaults = firstWins(config.rscDefaults(), now);
    // nodes known only from the status (an orphaned connection's) come too late to count
    int members = memberCount(config, RemoteLink.of(config, now));
    for (Resource r : config.resources()) {
      collectSlots(r, config, rscDefaults, new ArrayList<>(), null, null, -1, slots, now, members);
    }
    for (RemoteLink l : links) {
      if (l.kind() == NodeStatus.Kind.GUEST && slots.stream().noneMatch(s -> s.id.equals(l.connection()))) {
        slots.add(new Slot(l.connection(), l.connection(), l.implicitConnection(), null, null, -1,
            guestConnectionMeta(rscDefaults, l, slots, now), false, false));
      }
    }
    Map<String, Slot> byId = new LinkedHashMap<>();
    Map<String, List<Slot>> cloneChildren = new HashMap<>();
    for (Slot s : slots) {
      byId.put(s.id, s);
      if (s.cloneId != null) {
        cloneChildren.computeIfAbsent(s.baseId, k -> new ArrayList<>()).add(s);
      }
    }
    List<Slot> orphans = new ArrayList<>();
    assignHistories(cib, now, options, nodes, slots, byId, cloneChildren, orphans, links, replays);

    List<ResourceState> resources = new ArrayList<>();
    Failures failures = Failures.index(nodes);
    for (Slot s : slots) {
      resources.add(s.toState(now, nodes, failures));
    }
    for (Slot s : orphans) {
      resources.add(s.toState(now, nodes, failures));
    }
    RemoteLink.settle(nodes, links, resources, cib);
    applyNodeEffects(resources, nodes, options);
    RemoteLink.failGuestsLostWithHost(nodes, links, resources);
    if (!cib.haveQuorum() && options.noQuorumPolicy() == ClusterOptions.NoQuorumPolicy.SUICIDE
        && options.stonithEnabled()) {
      for (NodeStatus n : List.copyOf(nodes.values())) {
        if (n.online() && n.kind() == NodeStatus.Kind.CLUSTER) {
          nodes.put(n.name(), n.withFence("cluster does not have quorum"));
        }
      }
    }
    String dc = null;
    String dcUuid = cib.attr("dc-uuid");
    if (dcUuid != null) {
      for (NodeStatus n : nodes.values()) {
        if (dcUuid.equals(n.id())) {
          dc = n.name();
        }
      }
    }
    return new ClusterState(cib, now, options, cib.haveQuorum(), dc, List.copyOf(nodes.values()), resources);
  }

  /**
   * A guest's implicit connection: rsc_defaults; it migrates only when its container says so
   * ({@code remote-allow-migrate}).
   */
  private static ResourceMeta guestConnectionMeta(Map<String, String> rscDefaults, RemoteLink l, List<Slot> slots,
      Instant now) {
    Map<String, String> meta = new HashMap<>(rscDefaults);
    meta.put("allow-migrate", "false");
    for (Slot s : slots) {
      if (s.id.equals(l.container()) && s.primitive != null) {
        String migrate = firstWins(s.primitive.metaAttributes(), now).get("remote-allow-migrate");
        if (migrate != null) {
          meta.put("allow-migrate", migrate);
        }
      }
    }
    return new ResourceMeta(meta);
  }

  // ---- nodes ----

  private static Map<String, NodeStatus> unpackNodes(Cib cib, ClusterOptions options, Instant now,
      List<RemoteLink> links) {
    Map<String, NodeStatus> out = new LinkedHashMap<>();
    String dcUuid = cib.attr("dc-uuid");
    for (Node n : cib.configuration().nodes()) {
      if (n.uname() == null) {
        continue;
      }
      NodeState state = cib.status().nodeState(n.id()).orElse(null);
      if (state == null) {
        state = cib.status().nodeStates().stream().filter(s -> n.uname().equals(s.uname())).findFirst().orElse(null);
      }
      Map<String, String> attrs = new LinkedHashMap<>(firstWins(n.instanceAttributes(), now));
      boolean remote = "remote".equalsIgnoreCase(n.type());
      if (state != null && state.transientAttributes() != null) {
        for (NvSet set : state.transientAttributes().sets()) {
          for (NvPair p : set.pairs()) {
            if (p.name() != null && p.value() != null) {
              attrs.put(p.name(), p.value());
            }
          }
        }
      }
      attrs.put("#uname", n.uname());
      attrs.put("#id", n.id());
      attrs.put("#kind", remote ? "remote" : "cluster");
      attrs.put("#is_dc", String.valueOf(n.id().equals(dcUuid)));
      out.put(n.uname(), remote ? remoteNode(n, state, attrs) : memberNode(n, state, attrs, options));
    }
    for (RemoteLink l : links) {
      NodeStatus known = out.get(l.node());
      if (known != null && known.kind() == NodeStatus.Kind.CLUSTER) {
        continue;
      }
      String id = known != null ? known.id() : l.node();
      NodeState state = cib.status().nodeState(id).orElse(null);
      Map<String, String> attrs = new LinkedHashMap<>(known != null ? known.attributes() : transientAttributes(state));
      attrs.put("#uname", l.node());
      attrs.put("#id", id);
      attrs.put("#kind", l.kind() == NodeStatus.Kind.GUEST ? "container" : "remote");
      attrs.put("#is_dc", "false");
      // online until the connection's state says otherwise, so that its history is read
      out.put(l.node(), new NodeStatus(l.node(), id, l.kind(), true, false, null, false,
          Booleans.isTrue(attrs.get("standby"), false), Booleans.isTrue(attrs.get("maintenance"), false),
          shutdownRequested(attrs), true, attrs));
    }
    return out;
  }

  private static Map<String, String> transientAttributes(NodeState state) {
    Map<String, String> attrs = new LinkedHashMap<>();
    if (state != null && state.transientAttributes() != null) {
      for (NvSet set : state.transientAttributes().sets()) {
        for (NvPair p : set.pairs()) {
          if (p.name() != null && p.value() != null) {
            attrs.put(p.name(), p.value());
          }
        }
      }
    }
    return attrs;
  }

  private static NodeStatus remoteNode(Node n, NodeState state, Map<String, String> attrs) {
    boolean online = state != null && !"false".equals(state.inCcm()) && state.inCcm() != null;
    return new NodeStatus(n.uname(), n.id(), NodeStatus.Kind.REMOTE, online, false, null, false,
        Booleans.isTrue(attrs.get("standby"), false), Booleans.isTrue(attrs.get("maintenance"), false),
        shutdownRequested(attrs), true, attrs);
  }

  private static NodeStatus memberNode(Node n, NodeState state, Map<String, String> attrs, ClusterOptions options) {
    boolean standby = Booleans.isTrue(attrs.get("standby"), false);
    boolean maintenance = Booleans.isTrue(attrs.get("maintenance"), false);
    boolean shutdown = shutdownRequested(attrs);
    boolean online = false;
    boolean pending = false;
    String fence = null;
    boolean expectedUp = false;
    if (state == null) {
      if (options.stonithEnabled() && options.startupFencing()) {
        fence = "node is unclean";
      }
    } else {
      Boolean inCcm = truthOrTimestamp(state.inCcm());
      boolean crmdOnline = Boolean.TRUE.equals(onlineOrTimestamp(state.crmd()));
      String join = state.join() == null ? "" : state.join();
      expectedUp = "member".equals(state.expected());
      boolean terminate = terminateRequested(attrs);
      boolean inCluster = Boolean.TRUE.equals(inCcm);
      if (options.stonithEnabled()) {
        if (shutdown) {
          // a node asked to shut down is online while its controller runs, whatever the
          // membership layer says, and simply offline once it stopped
          online = crmdOnline;
        } else if (inCcm == null) {
          fence = "peer has not been seen by the cluster";
        } else if (!inCluster) {
          if (expectedUp) {
            fence = "peer is no longer part of the cluster";
          } else if (crmdOnline) {
            online = true;
            pending = true;
          }
        } else if (crmdOnline && join.equals("member") && expectedUp) {
          online = true;
          if (terminate) {
            fence = "termination was requested";
          }
        } else if (!crmdOnline && expectedUp) {
          online = true;
          fence = "peer process is no longer available";
        } else if (!crmdOnline || join.equals("pending") || join.equals("down") || join.equals("member")
            || join.isEmpty()) {
          online = true;
          pending = true;
        } else {
          online = true;
          fence = "peer failed Pacemaker membership criteria";
        }
      } else if (inCluster && crmdOnline && join.equals("member")) {
        online = true;
      } else if (inCluster && !crmdOnline && expectedUp && !shutdown) {
        fence = "peer is unexpectedly down";
      }
    }
    return new NodeStatus(n.uname(), n.id(), NodeStatus.Kind.CLUSTER, online, fence != null, fence, pending,
        standby, maintenance, shutdown, expectedUp, attrs);
  }

  /** {@code in_ccm}: true/false, or (newer CIBs) the time it joined, 0 meaning not a member; null when absent. */
  private static Boolean truthOrTimestamp(String v) {
    if (v == null) {
      return null;
    }
    if (digits(v, 0)) {
      return Long.parseLong(v) > 0;
    }
    return Booleans.isTrue(v, false);
  }

  private static Boolean onlineOrTimestamp(String v) {
    if (v == null) {
      return false;
    }
    if (v.matches("[0-9]+")) {
      return Long.parseLong(v) > 0;
    }
    return v.equalsIgnoreCase("online");
  }

  private static boolean shutdownRequested(Map<String, String> attrs) {
    String v = attrs.get("shutdown");
    return v != null && !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false");
  }

  private static boolean terminateRequested(Map<String, String> attrs) {
    String v = attrs.get("terminate");
    if (v == null || v.isEmpty()) {
      return false;
    }
    if (v.matches("[0-9]+")) {
      return Long.parseLong(v) > 0;
    }
    return Booleans.isTrue(v, false);
  }

  /** Failures with on-fail=standby put the node in standby; on-fail=fence (or an unfenceable stop) make it unclean. */
  /**
   * Failures that act on their node: standby, or fencing. A failure on a node already to be
   * fenced changes nothing: the fencing stops the resource, so it is not counted as failed.
   */
  private static void applyNodeEffects(List<ResourceState> resources, Map<String, NodeStatus> nodes, ClusterOptions options) {
    for (int i = 0; i < resources.size(); i++) {
      ResourceState r = resources.get(i);
      if (!((Histories) r.histories()).anyOnFail()) {
        continue;
      }
      // r is replaced as failures are disregarded: its first histories are walked
      for (NodeHistory h : r.histories().values()) {
        if (h.onFail() == OnFail.NONE) {
          continue;
        }
        NodeStatus n = nodes.get(h.node());
        if (n == null) {
          continue;
        }
        if (h.failed() && n.unclean() && options.stonithEnabled()) {
          r = r.withHistory(h.withoutFailure());
          resources.set(i, r);
        } else if (h.onFail() == OnFail.STANDBY) {
          nodes.put(n.name(), n.withStandby());
        } else if (h.onFail() == OnFail.FENCE && options.stonithEnabled()) {
          nodes.put(n.name(), n.withFence(r.id() + " failed there"));
        }
      }
    }
  }

  // ---- resources ----

  /** A resource instance being built: its definition and the histories attached to it. */
  private static final class Slot {
    final String id;
    final String baseId;
    final Primitive primitive;
    final String groupId;
    final String cloneId;
    final int instance;
    final ResourceMeta meta;
    final boolean orphan;
    final boolean uniqueClone;
    final Map<String, NodeHistory> histories = new LinkedHashMap<>();
    final List<FailedOperation> failed = new ArrayList<>();
    /** For a bundle's primitive instance, the guest node it runs in (its history is read from there only). */
    String guestNode;
    /** Some history has migration records: only then are they reconciled across nodes. */
    boolean migrating;

    Slot(String id, String baseId, Primitive primitive, String groupId, String cloneId, int instance, ResourceMeta meta,
        boolean orphan, boolean uniqueClone) {
      this.id = id;
      this.baseId = baseId;
      this.primitive = primitive;
      this.groupId = groupId;
      this.cloneId = cloneId;
      this.instance = instance;
      this.meta = meta;
      this.orphan = orphan;
      this.uniqueClone = uniqueClone;
    }

    boolean activeAnywhere() {
      return histories.values().stream().anyMatch(NodeHistory::active);
    }

    ResourceState toState(Instant now, Map<String, NodeStatus> nodes, Failures failures) {
      Map<String, FailCount> counts = failCounts(this, nodes, now, failures);
      return new ResourceState(id, baseId, primitive, groupId, cloneId, instance, meta, orphan,
          Histories.owning(migrating ? Migrations.reconcile(histories, nodes) : histories), counts, failed);
    }
  }

  private static void collectSlots(Resource r, Configuration config, Map<String, String> rscDefaults,
      List<List<NvSet>> parentMeta, String groupId, String cloneId, int instance, List<Slot> out, Instant now, int members) {
    List<List<NvSet>> chain = new ArrayList<>(parentMeta);
    chain.add(ownMeta(r, config));
    if (r instanceof Primitive declared) {
      Primitive p = withReferencedOperations(declared, config);
      // only a rule (rsc_expression) makes the defaults depend on the agent
      Map<String, String> defaults = new HashMap<>(anyRule(config.rscDefaults()) ? firstWins(config.rscDefaults(),
          RuleContext.forAgent(now, new RuleContext.Agent(p.resourceClass(), p.provider(), p.type()))) : rscDefaults);
      if (RemoteLink.isConnectionAgent(p)) {
        // remote connections migrate unless told otherwise
        defaults.putIfAbsent("allow-migrate", "true");
      }
      ResourceMeta meta = mergedMeta(defaults, chain, now);
      String id = instance >= 0 ? p.id() + ":" + instance : p.id();
      boolean unique = cloneId != null && Booleans.isTrue(meta.get("globally-unique").orElse(null), false);
      out.add(new Slot(id, p.id(), p, groupId, cloneId, instance, meta, false, unique));
    } else if (r instanceof Group g) {
      for (Primitive m : g.members()) {
        collectSlots(m, config, rscDefaults, chain, g.id(), cloneId, instance, out, now, members);
      }
    } else if (r instanceof Clone c) {
      ResourceMeta meta = mergedMeta(rscDefaults, chain, now);
      int max = meta.get("clone-max").flatMap(Score::parse).orElse(members);
      int first = out.size();
      if (max > 0) {
        collectSlots(c.child(), config, rscDefaults, chain, null, c.id(), 0, out, now, members);
      }
      int perInstance = out.size() - first;
      // every instance has instance 0's definitions and meta attributes: only ids and numbers differ
      for (int i = 1; i < max; i++) {
        for (int k = first; k < first + perInstance; k++) {
          Slot s = out.get(k);
          out.add(new Slot(s.baseId + ":" + i, s.baseId, s.primitive, s.groupId, s.cloneId, i, s.meta, false,
              s.uniqueClone));
        }
      }
    } else if (r instanceof Bundle b) {
      bundleSlots(b, config, chain, out, now);
    }
  }

  private static boolean anyRule(List<NvSet> sets) {
    for (NvSet s : sets) {
      if (s.rule() != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The primitive with its operations: an {@code operations} element that only refers
   * ({@code id-ref}) to another resource's stands for that one's operations.
   */
  static Primitive withReferencedOperations(Primitive p, Configuration config) {
    Operations own = p.operations();
    if (own == null || own.idRef() == null || !own.ops().isEmpty()) {
      return p;
    }
    for (Resource r : config.allResources()) {
      Primitive other = r instanceof Primitive q ? q : r instanceof Template t ? t.definition() : null;
      Operations ops = other == null ? null : other.operations();
      if (ops != null && own.idRef().equals(ops.id())) {
        return new Primitive(p.id(), p.resourceClass(), p.provider(), p.type(), p.template(), p.description(),
            p.instanceAttributes(), p.metaAttributes(), p.utilization(), ops, p.extras());
      }
    }
    return p;
  }

  /** A bundle's implicit resources, replica by replica, then its primitive's instances. */
  private static void bundleSlots(Bundle b, Configuration config, List<List<NvSet>> chain, List<Slot> out,
      Instant now) {
    BundleLayout layout = BundleLayout.of(b);
    ResourceMeta meta = mergedMeta(firstWins(config.rscDefaults(), now), chain, now);
    for (BundleLayout.Replica rep : layout.replicaList()) {
      for (Primitive p : java.util.Arrays.asList(rep.ip(), rep.container(), rep.connection())) {
        if (p != null) {
          out.add(new Slot(p.id(), p.id(), p, null, null, -1, meta, false, false));
        }
      }
    }
    Primitive child = b.primitive();
    if (child != null) {
      List<List<NvSet>> childChain = new ArrayList<>(chain);
      childChain.add(ownMeta(child, config));
      Map<String, String> defaults = firstWins(config.rscDefaults(),
          RuleContext.forAgent(now, new RuleContext.Agent(child.resourceClass(), child.provider(), child.type())));
      ResourceMeta childMeta = mergedMeta(defaults, childChain, now);
      for (BundleLayout.Replica rep : layout.replicaList()) {
        Slot slot = new Slot(child.id() + ":" + rep.index(), child.id(), child, null, layout.cloneId(), rep.index(),
            childMeta, false, false);
        slot.guestNode = rep.connection().id();
        out.add(slot);
      }
    }
  }

  /** Every node counts, remote and guest nodes included, but not bundles' guest nodes. */
  private static int memberCount(Configuration config, List<RemoteLink> links) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Node node : config.nodes()) {
      names.add(node.uname() == null ? node.id() : node.uname());
    }
    for (RemoteLink l : links) {
      if (l.inBundle()) {
        names.remove(l.node());
      } else {
        names.add(l.node());
      }
    }
    return names.size();
  }

  /**
   * A resource's own meta attribute sets; a primitive built on a template has the template's
   * after its own (its own win).
   */
  public static List<NvSet> ownMeta(Resource r, Configuration config) {
    if (r instanceof Primitive p && p.template() != null) {
      for (Resource t : config.resources()) {
        if (t instanceof Template tpl && tpl.id().equals(p.template())) {
          List<NvSet> both = new ArrayList<>(p.metaAttributes());
          both.addAll(tpl.metaAttributes());
          return both;
        }
      }
    }
    return r.metaAttributes();
  }

  /**
   * Meta attributes over {@code defaults}, later sets in {@code chain} (inner resources)
   * winning: a child's own target-role overrides its clone's (a disabled clone whose
   * primitive says Started keeps running).
   */
  public static ResourceMeta mergedMeta(Map<String, String> defaults, List<List<NvSet>> chain, Instant now) {
    Map<String, String> m = new HashMap<>(defaults);
    for (List<NvSet> sets : chain) {
      if (!sets.isEmpty()) {
        m.putAll(firstWins(sets, now));
      }
    }
    return new ResourceMeta(m);
  }

  /**
   * The name/value pairs of sets as Pacemaker resolves them: sets by descending score (document
   * order among equals), a set with a rule only when the rule holds at {@code now}, the first
   * set that names a value winning.
   */
  public static Map<String, String> firstWins(List<NvSet> sets, Instant now) {
    return sets.isEmpty() ? new LinkedHashMap<>() : firstWins(sets, RuleContext.at(now));
  }

  /** As {@link #firstWins(List, Instant)}, with rules evaluated in {@code ctx} (a node's attributes). */
  public static Map<String, String> firstWins(List<NvSet> sets, RuleContext ctx) {
    Map<String, String> m = new LinkedHashMap<>();
    for (NvSet s : sets.size() < 2 ? sets : byScore(sets)) {
      if (s.rule() != null && !Rules.matches(s.rule(), ctx)) {
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


  private static final Comparator<NvSet> BY_SCORE_DESCENDING =
      Comparator.comparingInt((NvSet s) -> -Score.parse(s.score()).orElse(0));

  private static List<NvSet> byScore(List<NvSet> sets) {
    List<NvSet> ordered = new ArrayList<>(sets);
    ordered.sort(BY_SCORE_DESCENDING);
    return ordered;
  }

  private static void assignHistories(Cib cib, Instant now, ClusterOptions options, Map<String, NodeStatus> nodes,
      List<Slot> slots, Map<String, Slot> byId, Map<String, List<Slot>> cloneChildren, List<Slot> orphans,
      List<RemoteLink> links, Replays replays) {
    // anonymous clone histories are attached after the others: active ones first, in status order
    List<Pending> anonymous = new ArrayList<>();
    Map<String, Slot> orphanById = new LinkedHashMap<>();
    java.util.Set<String> bundleGuests = bundleGuests(slots);
    for (NodeState ns : historyOrder(cib, now, options, nodes, byId, links)) {
      String nodeName = nodeName(ns, nodes);
      if (nodeName == null) {
        continue;
      }
      // without fencing, what an offline node once ran says nothing about now
      NodeStatus where = nodes.get(nodeName);
      if (!where.online() && !options.stonithEnabled()) {
        continue;
      }
      List<LrmResource> records = ns.lrmResources();
      Replays.NodeReplays nodeReplays = replays.node(nodeName, records);
      boolean bundleGuest = bundleGuests.contains(nodeName);
      for (int i = 0; i < records.size(); i++) {
        assignHistory(records.get(i), nodeName, bundleGuest, now, options, byId, cloneChildren, orphanById,
            anonymous, nodeReplays, i);
      }
    }
    assignAnonymous(anonymous, cloneChildren, orphanById, now, options);
    orphans.addAll(orphanById.values());
  }

  /** Attaches one record to its resource instance (anonymous clones' to {@code anonymous}, for later). */
  private static void assignHistory(LrmResource lr, String nodeName, boolean bundleGuest, Instant now,
      ClusterOptions options, Map<String, Slot> byId, Map<String, List<Slot>> cloneChildren,
      Map<String, Slot> orphanById, List<Pending> anonymous, Replays.NodeReplays replays, int index) {
    String rid = lr.id();
    Slot direct = byId.get(rid);
    if (direct != null && direct.cloneId == null) {
      attach(direct, nodeName, lr, replay(direct, nodeName, lr, now, options, replays, index));
      return;
    }
    String base = stripInstance(rid);
    List<Slot> clones = cloneChildren.get(base);
    Slot inBundle = bundleGuest ? bundleInstance(clones, nodeName) : null;
    if (inBundle != null) {
      attach(inBundle, nodeName, lr, replay(inBundle, nodeName, lr, now, options, replays, index));
    } else if (clones != null && clones.get(0).uniqueClone) {
      Slot s = direct != null ? direct : orphanById.computeIfAbsent(rid,
          k -> new Slot(k, base, clones.get(0).primitive, null, clones.get(0).cloneId, instanceOf(k),
              clones.get(0).meta, true, true));
      attach(s, nodeName, lr, replay(s, nodeName, lr, now, options, replays, index));
    } else if (clones != null) {
      NodeHistory h = replay(clones.get(0), nodeName, lr, now, options, replays, index);
      anonymous.add(new Pending(base, nodeName, lr, h));
    } else {
      Slot s = orphanById.computeIfAbsent(rid, k -> new Slot(k, k, null, null, null, -1, new ResourceMeta(Map.of()),
          true, false));
      attach(s, nodeName, lr, replay(s, nodeName, lr, now, options, replays, index));
    }
  }

  /**
   * The node states in the order their histories are read: status order, except that a remote
   * or guest node whose connection (or a guest's container) runs nowhere comes last, as
   * Pacemaker reads such a node only once every other node is known.
   */
  private static List<NodeState> historyOrder(Cib cib, Instant now, ClusterOptions options,
      Map<String, NodeStatus> nodes, Map<String, Slot> byId, List<RemoteLink> links) {
    java.util.Set<String> unreached = new java.util.HashSet<>();
    for (RemoteLink l : links) {
      if (!runsSomewhere(l.connection(), cib, now, options, nodes, byId)
          || (l.container() != null && !runsSomewhere(l.container(), cib, now, options, nodes, byId))) {
        unreached.add(l.node());
      }
    }
    if (unreached.isEmpty()) {
      return cib.status().nodeStates();
    }
    List<NodeState> first = new ArrayList<>();
    List<NodeState> last = new ArrayList<>();
    for (NodeState ns : cib.status().nodeStates()) {
      (unreached.contains(nodeName(ns, nodes)) ? last : first).add(ns);
    }
    first.addAll(last);
    return first;
  }

  /** Whether the primitive's history shows it active on some node. */
  private static boolean runsSomewhere(String id, Cib cib, Instant now, ClusterOptions options,
      Map<String, NodeStatus> nodes, Map<String, Slot> byId) {
    Slot s = byId.get(id);
    if (s == null) {
      return false;
    }
    for (NodeState ns : cib.status().nodeStates()) {
      String node = nodeName(ns, nodes);
      for (LrmResource lr : ns.lrmResources()) {
        if (node != null && lr.id().equals(id) && replay(s, node, lr, now, options).active()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The guest nodes of bundles' replicas: only the bundle's primitive runs there. */
  private static java.util.Set<String> bundleGuests(List<Slot> slots) {
    java.util.Set<String> guests = new java.util.HashSet<>();
    for (Slot s : slots) {
      if (s.guestNode != null) {
        guests.add(s.guestNode);
      }
    }
    return guests;
  }

  /** The bundle instance that runs in the guest node, when {@code clones} are a bundle's primitive's. */
  private static Slot bundleInstance(List<Slot> clones, String node) {
    if (clones == null) {
      return null;
    }
    for (Slot s : clones) {
      if (node.equals(s.guestNode)) {
        return s;
      }
    }
    return null;
  }

  private record Pending(String base, String node, LrmResource lr, NodeHistory history) {}

  /**
   * Gives every anonymous-clone history an instance: for each clone, the nodes where any of
   * its members is active take, in status order, the lowest instance not yet active; the
   * other nodes' histories go to the lowest instance that is active nowhere (or instance 0).
   * Members of a cloned group on one node share the instance.
   */
  private static void assignAnonymous(List<Pending> pending, Map<String, List<Slot>> cloneChildren,
      Map<String, Slot> orphans, Instant now, ClusterOptions options) {
    Map<String, Map<String, Integer>> instanceByCloneNode = new HashMap<>();
    Map<String, Integer> nextActive = new HashMap<>();
    Map<CloneOnNode, List<Pending>> byCloneNode = new LinkedHashMap<>();
    List<Pending> duplicates = new ArrayList<>();
    for (Pending p : pending) {
      String clone = cloneChildren.get(p.base).get(0).cloneId;
      byCloneNode.computeIfAbsent(new CloneOnNode(clone, p.node), k -> new ArrayList<>()).add(p);
    }
    for (boolean activePass : new boolean[] {true, false}) {
      for (Map.Entry<CloneOnNode, List<Pending>> e : byCloneNode.entrySet()) {
        boolean active = anyActive(e.getValue());
        if (active != activePass) {
          continue;
        }
        String clone = e.getKey().cloneId();
        int instance;
        if (active) {
          instance = nextActive.merge(clone, 1, Integer::sum) - 1;
        } else {
          instance = nextActive.getOrDefault(clone, 0);
        }
        instanceByCloneNode.computeIfAbsent(clone, k -> new HashMap<>()).put(e.getKey().node(), instance);
        // several records of one primitive on a node (rsc:0 probed, rsc:3 started): the first active one wins
        List<Pending> inactiveFirst = new ArrayList<>(e.getValue());
        inactiveFirst.sort(Comparator.comparing((Pending p) -> p.history.active()));
        for (Pending p : inactiveFirst) {
          List<Slot> instances = cloneChildren.get(p.base);
          Slot target;
          if (instance < instances.size()) {
            target = instances.get(instance);
          } else if (!active) {
            target = instances.get(0);
          } else {
            Slot proto = instances.get(0);
            String oid = p.base + ":" + instance;
            target = orphans.computeIfAbsent(oid, k -> new Slot(k, p.base, proto.primitive, proto.groupId,
                proto.cloneId, instance, proto.meta, true, false));
          }
          NodeHistory before = target.histories.get(p.node);
          if (before != null && before.active() && p.history.active()) {
            duplicates.add(p);
          } else if (before == null || !before.active() || p.history.active()) {
            attach(target, p.node, p.lr, p.history);
          }
        }
      }
    }
    assignDuplicates(duplicates, cloneChildren, orphans, nextActive);
  }

  private record CloneOnNode(String cloneId, String node) {
    // written out: a record's generated ones are slow until compiled, and there is one per history
    @Override
    public int hashCode() {
      return cloneId.hashCode() * 31 + node.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CloneOnNode k && k.cloneId.equals(cloneId) && k.node.equals(node);
    }
  }

  private static boolean anyActive(List<Pending> pending) {
    for (Pending p : pending) {
      if (p.history.active()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A second active record of one anonymous primitive on a node (rsc:0 and rsc:1 both started
   * there) is another copy running: it becomes an orphan instance numbered after the clone's
   * instances, shared with the other members of a cloned group active twice on that node.
   */
  private static void assignDuplicates(List<Pending> duplicates, Map<String, List<Slot>> cloneChildren,
      Map<String, Slot> orphans, Map<String, Integer> nextActive) {
    Map<String, List<Extra>> extrasByClone = new HashMap<>();
    for (Pending p : duplicates) {
      List<Slot> instances = cloneChildren.get(p.base);
      Slot proto = instances.get(0);
      List<Extra> extras = extrasByClone.computeIfAbsent(proto.cloneId, k -> new ArrayList<>());
      Extra extra = extras.stream()
          .filter(x -> x.node.equals(p.node) && !activeOn(orphans.get(p.base + ":" + x.instance), p.node))
          .findFirst().orElse(null);
      if (extra == null) {
        int first = Math.max(instances.size(), nextActive.getOrDefault(proto.cloneId, 0));
        extra = new Extra(first + extras.size(), p.node);
        extras.add(extra);
      }
      int instance = extra.instance;
      Slot target = orphans.computeIfAbsent(p.base + ":" + instance, k -> new Slot(k, p.base, proto.primitive,
          proto.groupId, proto.cloneId, instance, proto.meta, true, false));
      attach(target, p.node, p.lr, p.history);
    }
  }

  private record Extra(int instance, String node) {}

  private static boolean activeOn(Slot s, String node) {
    NodeHistory h = s == null ? null : s.histories.get(node);
    return h != null && h.active();
  }


  private static String nodeName(NodeState ns, Map<String, NodeStatus> nodes) {
    for (NodeStatus n : nodes.values()) {
      if (n.id().equals(ns.id())) {
        return n.name();
      }
    }
    if (ns.uname() != null && nodes.containsKey(ns.uname())) {
      return ns.uname();
    }
    return null;
  }

  static String stripInstance(String id) {
    int colon = id.lastIndexOf(':');
    if (colon > 0 && colon < id.length() - 1 && digits(id, colon + 1)) {
      return id.substring(0, colon);
    }
    return id;
  }

  private static boolean digits(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return from < s.length();
  }

  private static int instanceOf(String id) {
    int colon = id.lastIndexOf(':');
    return colon > 0 ? Integer.parseInt(id.substring(colon + 1)) : -1;
  }

  /**
   * {@link #replay(Slot, String, LrmResource, Instant, ClusterOptions)}, done once per record:
   * the record is at {@code index} of its node's {@code replays}.
   */
  private static NodeHistory replay(Slot s, String node, LrmResource lr, Instant now, ClusterOptions options,
      Replays.NodeReplays replays, int index) {
    NodeHistory h = replays.get(index);
    if (h == null) {
      h = replay(s, node, lr, now, options);
    }
    replays.put(index, h);
    return h;
  }

  private static void attach(Slot s, String node, LrmResource lr, NodeHistory h) {
    s.histories.put(node, h);
    s.migrating |= !h.migration().isEmpty();
    List<LrmRscOp> failures = h.failures();
    for (int i = 0; i < failures.size(); i++) {
      LrmRscOp op = failures.get(i);
      if (s.failed.stream().noneMatch(f -> f.node().equals(node) && f.callId() == op.call()
          && f.task().equals(op.operation()))) {
        s.failed.add(new FailedOperation(lr.id(), op.operationKey(), op.operation(), op.intervalMs(), node, op.rc(),
            op.status(), expectedRc(op), op.call(), op.lastRcChange() == null ? 0 : op.lastRcChange(),
            op.execTime() == null ? 0 : op.execTime(), op.exitReason()));
      }
    }
  }

  // ---- operation history ----

  static final int EXEC_PENDING = -1;
  static final int EXEC_DONE = 0;
  static final int EXEC_CANCELLED = 1;
  static final int EXEC_ERROR = 4;
  static final int EXEC_ERROR_HARD = 5;
  static final int EXEC_ERROR_FATAL = 6;
  static final int EXEC_NOT_INSTALLED = 7;
  static final int OCF_DEGRADED = 190;
  static final int OCF_DEGRADED_PROMOTED = 191;

  /** The op's expected result: the target rc in its transition key, 0 without one. */
  static int expectedRc(LrmRscOp op) {
    String key = op.transitionKey();
    if (key == null && op.transitionMagic() != null) {
      int semi = op.transitionMagic().indexOf(';');
      key = semi >= 0 ? op.transitionMagic().substring(semi + 1) : null;
    }
    if (key != null) {
      int a = key.indexOf(':');
      int b = a < 0 ? -1 : key.indexOf(':', a + 1);
      int c = b < 0 ? -1 : key.indexOf(':', b + 1);
      if (c > b + 1) {
        try {
          return Integer.parseInt(key, b + 1, c, 10);
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }

  /** An "error" status carrying an agent result is judged by that result, as Pacemaker does. */
  static int effectiveStatus(LrmRscOp op) {
    return op.status() == EXEC_ERROR ? EXEC_DONE : op.status();
  }

  private static boolean isProbe(LrmRscOp op) {
    return "monitor".equals(op.operation()) && op.intervalMs() == 0;
  }

  /** Whether the record is a failure worth listing (probes finding the resource stopped or not installed are not). */
  public static boolean isFailure(LrmRscOp op) {
    int status = effectiveStatus(op);
    if (status == EXEC_PENDING || status == EXEC_CANCELLED) {
      return false;
    }
    if (status != EXEC_DONE) {
      return true;
    }
    int rc = op.rc();
    if (isProbe(op) && (rc == 7 || rc == 0 || rc == 8)) {
      return false;
    }
    // a start succeeds only with 0 whatever error its transition key expected; an expected
    // "not running" merely leaves it stopped
    int expected = "start".equals(op.operation()) && expectedRc(op) != 7 ? 0 : expectedRc(op);
    return rc != expected;
  }

  /** By call id, an operation without one (still in flight) last; then by time of the result. */
  private static final Comparator<LrmRscOp> CALL_ORDER = ClusterStatus::compareCalls;

  // written out: a chain of comparators is slow until compiled, and every history is checked
  private static int compareCalls(LrmRscOp a, LrmRscOp b) {
    int unnumbered = Integer.compare(a.call() < 0 ? 1 : 0, b.call() < 0 ? 1 : 0);
    if (unnumbered != 0) {
      return unnumbered;
    }
    int call = Integer.compare(a.call(), b.call());
    if (call != 0) {
      return call;
    }
    return Long.compare(a.lastRcChange() == null ? 0 : a.lastRcChange(), b.lastRcChange() == null ? 0 : b.lastRcChange());
  }

  /**
   * The history in the order it happened: by call id; an operation without one (still in
   * flight) after the others, unless an operation of the same controller run (same UUID in
   * the transition key) comes from a later transition: then just before that one.
   */
  static List<LrmRscOp> inCallOrder(List<LrmRscOp> recorded) {
    if (numberedInOrder(recorded)) {
      return recorded; // most histories are recorded in call order already
    }
    List<LrmRscOp> ops = new ArrayList<>(recorded);
    ops.sort(CALL_ORDER);
    int firstUnnumbered = 0;
    while (firstUnnumbered < ops.size() && ops.get(firstUnnumbered).call() >= 0) {
      firstUnnumbered++;
    }
    if (firstUnnumbered == ops.size()) {
      return ops;
    }
    List<LrmRscOp> out = new ArrayList<>(ops.subList(0, firstUnnumbered));
    for (LrmRscOp op : ops.subList(firstUnnumbered, ops.size())) {
      TransitionKey key = TransitionKey.of(op);
      int at = out.size();
      for (int i = 0; key != null && i < out.size(); i++) {
        TransitionKey other = TransitionKey.of(out.get(i));
        if (other != null && other.uuid().equals(key.uuid()) && other.transition() > key.transition()) {
          at = i;
          break;
        }
      }
      out.add(at, op);
    }
    return out;
  }

  private static boolean numberedInOrder(List<LrmRscOp> ops) {
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i).call() < 0 || (i > 0 && compareCalls(ops.get(i - 1), ops.get(i)) > 0)) {
        return false;
      }
    }
    return true;
  }

  /** The parts of an operation's transition key that say which transition asked for it. */
  private record TransitionKey(int transition, String uuid) {
    static TransitionKey of(LrmRscOp op) {
      String key = op.transitionKey();
      if (key == null && op.transitionMagic() != null) {
        int semi = op.transitionMagic().indexOf(';');
        key = semi >= 0 ? op.transitionMagic().substring(semi + 1) : null;
      }
      String[] parts = key == null ? new String[0] : key.split(":", 4);
      if (parts.length < 4) {
        return null;
      }
      try {
        return new TransitionKey(Integer.parseInt(parts[1]), parts[3]);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /** Replays one node's history of a resource into what it says now. */
  static NodeHistory replay(Slot s, String node, LrmResource lr, Instant now, ClusterOptions options) {
    List<LrmRscOp> ops = inCallOrder(lr.ops());
    Role role = Role.UNKNOWN;
    OnFail onFail = OnFail.NONE;
    String pendingTask = null;
    boolean notInstalled = false;
    boolean hardError = false;
    boolean fatal = false;
    // made when a recurring monitor turns up: most histories are a probe and a start at most
    Map<Long, LrmRscOp> recurring = Map.of();
    LrmRscOp lastStart = null;
    // made when a migration record turns up: most histories have none
    Map<String, LrmRscOp> migration = Map.of();
    long failureTimeoutMs = s.meta.failureTimeoutMs();
    String failedKey = null;
    List<LrmRscOp> failures = List.of();
    for (int i = 0; i < ops.size(); i++) {
      LrmRscOp op = ops.get(i);
      boolean failure = isFailure(op);
      if (failure) {
        failures = failures.isEmpty() ? new ArrayList<>(2) : failures;
        failures.add(op);
      }
      String task = op.operation() == null ? "" : op.operation();
      int status = effectiveStatus(op);
      int rc = op.rc();
      if (status == EXEC_CANCELLED) {
        continue;
      }
      if (task.equals("migrate_to") || task.equals("migrate_from")) {
        if (migration.isEmpty()) {
          migration = new LinkedHashMap<>();
        }
        migration.put(task, op);
      }
      if (status == EXEC_PENDING) {
        pendingTask = task;
        if (task.equals("start") || task.equals("migrate_from")) {
          role = Role.STARTED;
        } else if (task.equals("promote")) {
          role = Role.PROMOTED;
        }
        continue;
      }
      pendingTask = null;
      // a degraded result is a success for the scheduler (it stays listed as a failed action)
      boolean degraded = status == EXEC_DONE && (rc == OCF_DEGRADED || rc == OCF_DEGRADED_PROMOTED);
      if (degraded) {
        rc = rc == OCF_DEGRADED ? 0 : 8;
      }
      boolean probe = isProbe(op);
      long changed = op.lastRcChange() == null ? 0 : op.lastRcChange();
      if (failure && failureTimeoutMs > 0 && changed > 0
          && changed * 1000 + failureTimeoutMs <= now.toEpochMilli() && !task.equals("stop")
          && configuredOnFail(s.primitive, task, op.intervalMs(), options, s.meta.get("container").isPresent())
              != OnFail.BLOCK) {
        // an expired failure (failure-timeout) no longer counts, unless it blocked the resource:
        // only an administrator unblocks it
        continue;
      }
      if (probe && (status == EXEC_NOT_INSTALLED || (status == EXEC_DONE && rc == 5))) {
        role = Role.STOPPED;
        notInstalled = true;
        hardError = true;
        continue;
      }
      if (degraded || !failure) {
        if (rc == 7 && !task.equals("monitor") && !task.equals("stop") && op.intervalMs() == 0) {
          // "not running" was the expected answer: whatever the task, it is stopped here
          role = Role.STOPPED;
          recurring = Map.of();
          continue;
        }
        if (task.equals("monitor")) {
          if (op.intervalMs() > 0) {
            if (recurring.isEmpty()) {
              recurring = new HashMap<>(4);
            }
            recurring.put(op.intervalMs(), op);
            // the same monitor succeeded since it failed: that failure is over
            if (op.operationKey() != null && op.operationKey().equals(failedKey)) {
              onFail = OnFail.NONE;
              failedKey = null;
            }
          }
          role = switch (rc) {
            case 7 -> Role.STOPPED;
            case 8 -> Role.PROMOTED;
            default -> role == Role.UNKNOWN || role == Role.STOPPED ? Role.STARTED : role;
          };
          if (rc == 7) {
            onFail = OnFail.NONE;
            recurring = Map.of();
          }
        } else if (task.equals("start") || task.equals("migrate_from")) {
          role = Role.STARTED;
          lastStart = op;
          onFail = clearRestartable(onFail);
        } else if (task.equals("promote")) {
          role = Role.PROMOTED;
          onFail = clearRestartable(onFail);
        } else if (task.equals("demote")) {
          role = Role.UNPROMOTED;
          onFail = clearRestartable(onFail);
        } else if (task.equals("stop")) {
          role = Role.STOPPED;
          recurring = Map.of();
          onFail = OnFail.NONE;
        } else if (task.equals("migrate_to")) {
          role = Role.STARTED;
        }
        continue;
      }
      // a failure
      OnFail configured = configuredOnFail(s.primitive, task, op.intervalMs(), options, s.meta.get("container").isPresent());
      // the executor could not run the agent at all: on-fail=ignore cannot help
      boolean execHard = status == EXEC_ERROR_HARD || status == EXEC_ERROR_FATAL || status == EXEC_NOT_INSTALLED;
      if (execHard) {
        hardError = true;
        configured = configured == OnFail.IGNORE ? OnFail.RESTART : configured;
      } else if (status == EXEC_DONE && (rc == 2 || rc == 4 || rc == 5 || rc == 6) && configured != OnFail.IGNORE) {
        hardError = true;
        fatal |= rc == 6;
      }
      if (status == EXEC_DONE && rc == 7 && !probe) {
        // found stopped: it is still taken as running there (recovered, or with on-fail=ignore
        // left alone, "failure ignored")
        role = role == Role.UNKNOWN ? Role.STARTED : role;
      } else if (status == EXEC_DONE && rc == 8) {
        role = Role.PROMOTED;
      } else if (status == EXEC_DONE && rc == 9) {
        role = Role.PROMOTED;
      } else if (task.equals("start") || task.equals("migrate_from") || probe) {
        role = Role.STARTED;
      } else if (task.equals("promote")) {
        role = Role.PROMOTED;
      } else if (task.equals("demote")) {
        role = Role.PROMOTED;
      } else if (role == Role.UNKNOWN || role == Role.STOPPED) {
        role = Role.STARTED;
      }
      if (task.equals("demote") && rc != 8 && rc != 9 && configured != OnFail.BLOCK) {
        // a failed demote is recovered from the Unpromoted role, unless the failure blocks it
        role = Role.UNPROMOTED;
      }
      if (task.equals("stop") && (configured == OnFail.IGNORE || configured == OnFail.RESTART_CONTAINER)) {
        // a stop failure that is ignored (or left to the container's recovery) counts as stopped
        role = Role.STOPPED;
      }
      if (task.equals("stop") && configured == OnFail.FENCE && !options.stonithEnabled()) {
        configured = OnFail.BLOCK;
      }
      onFail = onFail.max(configured);
      failedKey = op.operationKey();
    }
    return new NodeHistory(node, lr.id(), role, onFail, pendingTask, notInstalled, hardError, fatal, true, ops,
        recurring, lastStart, migration, failures);
  }

  private static OnFail clearRestartable(OnFail f) {
    // a stop failure left to the container's recovery stays shown as ignored
    if (f == OnFail.RESTART_CONTAINER) {
      return OnFail.IGNORE;
    }
    return f == OnFail.RESTART || f == OnFail.DEMOTE ? OnFail.NONE : f;
  }

  /**
   * The on-fail of the op definition that matches (name and interval), else Pacemaker's
   * default; a failed stop of a resource inside a container is recovered with the container.
   */
  static OnFail configuredOnFail(Primitive p, String task, long intervalMs, ClusterOptions options, boolean contained) {
    if (p != null) {
      for (Op op : p.ops()) {
        if (task.equals(op.name()) && intervalMs == Durations.parseMillis(op.interval()).orElse(0L)) {
          OnFail f = OnFail.parse(op.attr("on-fail"));
          if (f != null) {
            return f;
          }
        }
      }
    }
    if (task.equals("stop") && contained) {
      return OnFail.RESTART_CONTAINER;
    }
    if (task.equals("stop")) {
      return options.stonithEnabled() ? OnFail.FENCE : OnFail.BLOCK;
    }
    return OnFail.RESTART;
  }

  // ---- fail counts ----

  /**
   * Fail counts and last failures by node, then by the resource the attribute names
   * ({@code rsc} or {@code rsc:N}, the {@code #op_interval} suffix dropped); and by that
   * resource's id without instance, the nodes (in node order) with such attributes.
   */
  private record Failures(Map<String, Map<String, int[]>> counts, Map<String, Map<String, Long>> lasts,
      Map<String, Map<String, java.util.Set<String>>> byBase, Map<String, List<String>> nodesByBase) {
    static Failures index(Map<String, NodeStatus> nodes) {
      Map<String, Map<String, java.util.Set<String>>> byBase = new HashMap<>();
      Map<String, Map<String, int[]>> counts = new HashMap<>();
      Map<String, Map<String, Long>> lasts = new HashMap<>();
      Map<String, List<String>> nodesByBase = new HashMap<>();
      for (NodeStatus n : nodes.values()) {
        for (Map.Entry<String, String> a : n.attributes().entrySet()) {
          String name = a.getKey();
          if (name.startsWith("fail-count-")) {
            int[] c = counts.computeIfAbsent(n.name(), k -> new HashMap<>())
                .computeIfAbsent(resourceOf(name.substring(11)), k -> new int[1]);
            String base = stripInstance(resourceOf(name.substring(11)));
            byBase.computeIfAbsent(n.name(), k -> new HashMap<>())
                .computeIfAbsent(base, k -> {
                  nodesByBase.computeIfAbsent(k, b -> new ArrayList<>()).add(n.name());
                  return new java.util.HashSet<>();
                })
                .add(resourceOf(name.substring(11)));
            c[0] = Score.add(c[0], Score.parse(a.getValue()).orElse(0));
          } else if (name.startsWith("last-failure-")) {
            try {
              long v = Long.parseLong(a.getValue().trim());
              lasts.computeIfAbsent(n.name(), k -> new HashMap<>()).merge(resourceOf(name.substring(13)), v, Math::max);
            } catch (NumberFormatException e) {
              // not a time: ignored, as Pacemaker does
            }
          }
        }
      }
      return new Failures(counts, lasts, byBase, nodesByBase);
    }

    private static String resourceOf(String suffix) {
      int hash = suffix.indexOf('#');
      return hash >= 0 ? suffix.substring(0, hash) : suffix;
    }
  }

  private static Map<String, FailCount> failCounts(Slot s, Map<String, NodeStatus> nodes, Instant now, Failures f) {
    if (f.counts().isEmpty()) {
      return Map.of();
    }
    String base = stripInstance(s.id);
    List<String> counted = f.nodesByBase().get(base);
    if (counted == null) {
      return Map.of();
    }
    Map<String, FailCount> out = new LinkedHashMap<>();
    long timeoutMs = s.meta.failureTimeoutMs();
    boolean anonymous = s.cloneId != null && !s.uniqueClone;
    for (String node : counted) {
      NodeStatus n = nodes.get(node);
      Map<String, int[]> counts = f.counts().get(n.name());
      if (counts == null || (anonymous && !s.histories.containsKey(n.name()))) {
        continue;
      }
      Map<String, Long> lasts = f.lasts().getOrDefault(n.name(), Map.of());
      int count = 0;
      long last = 0;
      java.util.Set<String> named = f.byBase().get(n.name()).get(base);
      for (String rsc : named) {
        if (rsc.equals(s.id) || (anonymous && stripInstance(rsc).equals(s.baseId))) {
          count = Score.add(count, counts.get(rsc)[0]);
          last = Math.max(last, lasts.getOrDefault(rsc, 0L));
        }
      }
      if (count == 0) {
        continue;
      }
      boolean expired = timeoutMs > 0 && last > 0 && last * 1000 + timeoutMs <= now.toEpochMilli();
      out.put(n.name(), new FailCount(n.name(), expired ? 0 : count, last, expired));
    }
    return out;
  }



}
