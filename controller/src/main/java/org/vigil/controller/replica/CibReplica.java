package org.vigil.controller.replica;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.CibVersion;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.store.CibStore;
import org.vigil.cib.xml.CibXml;
import org.vigil.controller.replica.CibOps.Refused;
import org.vigil.controller.transition.StatusChange;
import org.vigil.membership.MembershipEvent;
import org.vigil.membership.MembershipView;
import org.vigil.membership.Node;
import org.vigil.protocol.ErrorCode;
import org.vigil.protocol.Reply;
import org.vigil.protocol.Request;

/**
 * One node's copy of the replicated CIB: a state machine fed membership events, cluster messages and
 * client writes, answering with {@link Effect}s for its runner to carry out. No I/O, no threads, no
 * clock: the same inputs give the same effects.
 *
 * <p>How the copies stay one CIB:
 * <ul>
 *   <li>Every write goes to the DC, which applies it ({@link CibOps}) in arrival order, each with its
 *       own version, and at the end of a batch ({@link #flush()}) stores the result and broadcasts the
 *       operations with the base and resulting version and digest ({@link ClusterMessage.Commit}).
 *       Members apply the same operations, check the digest, store and acknowledge. A client is told
 *       "committed" only once every member of the partition has acknowledged, so a DC that dies
 *       afterwards loses no committed change.</li>
 *   <li>After every membership change each member announces its CIB to the DC. When all have, the DC
 *       keeps the one with the highest (admin_epoch, epoch, num_updates) (its own on a tie), logs what
 *       the other CIBs had that the kept one has not, and sends the kept CIB to the members that hold
 *       another. Writes that arrive meanwhile wait.</li>
 *   <li>The DC records the membership in the status section (node_state in_ccm, crmd, join, expected)
 *       and the cib element (dc-uuid, have-quorum) as an ordinary write.</li>
 *   <li>A member whose CIB does not fit a commit (wrong base, different digest, an operation that
 *       fails) keeps its CIB and asks the DC for the whole one.</li>
 * </ul>
 */
public final class CibReplica {

  /** Where a write came from: a client of this node, or a request another member forwarded. */
  private record Origin(String node, long requestId) {}

  private record Applied(Origin origin, CibVersion version) {}

  private record Waiting(CibVersion version, List<Applied> writes) {}

  private record Deferred(Origin origin, CibOp op) {}

  private final String self;
  private final Map<String, Integer> configuredIds;

  private Cib cib;
  /** The CIB as of the last batch: {@link #xml} and {@link #digest} are its text and digest. */
  private Cib published;
  private String xml;
  private String digest;

  private MembershipView view;
  private String ring = "";
  private final Map<String, MembershipEvent.NodeLost.Reason> lostReasons = new HashMap<>();

  // The DC's state.
  private boolean syncing;
  private final Map<String, ClusterMessage.Announce> announces = new LinkedHashMap<>();
  private final List<Deferred> deferred = new ArrayList<>();
  private final List<Applied> batch = new ArrayList<>();
  private final List<CibOp> batchOps = new ArrayList<>();
  private CibVersion batchBase;
  private final List<Waiting> awaitingAcks = new ArrayList<>();
  private final Map<String, CibVersion> acked = new HashMap<>();

  // Writes this node forwarded to a DC: client id to the DC's name.
  private final Map<Long, String> forwarded = new LinkedHashMap<>();

  private final List<Effect> out = new ArrayList<>();
  private int syncTicks;

  /** Ticks a DC waits for the members' CIBs before asking again. */
  static final int SOLICIT_AFTER_TICKS = 2;

  /**
   * @param self          this node's name
   * @param configuredIds every configured node's name and id, in node list order
   * @param stored        the CIB this node stored last (an empty one at first start)
   */
  public CibReplica(String self, Map<String, Integer> configuredIds, Cib stored) {
    this.self = Objects.requireNonNull(self, "self");
    this.configuredIds = new LinkedHashMap<>(configuredIds);
    setCib(stored);
  }

  /** The CIB with every write applied so far (on the DC, also those of the batch not yet flushed). */
  public Cib cib() {
    return cib;
  }

  /** The CIB as of the end of the last batch, the one {@link #xml()} and {@link #digest()} describe. */
  public Cib published() {
    return published;
  }

  /** The XML of {@link #published()}, as stored and sent. */
  public String xml() {
    return xml;
  }

  /** SHA-256 of {@link #xml()}: equal on members that hold the same CIB. */
  public String digest() {
    return digest;
  }

  public Optional<MembershipView> view() {
    return Optional.ofNullable(view);
  }

  public boolean isDc() {
    return view != null && view.dc().map(n -> n.name().equals(self)).orElse(false);
  }

  /** Whether this node is the DC and still gathering the members' CIBs after a membership change. */
  public boolean syncing() {
    return syncing;
  }

  // ---- inputs ----------------------------------------------------------------------------

  public List<Effect> onMembership(MembershipEvent event) {
    if (event instanceof MembershipEvent.NodeLost lost) {
      lostReasons.put(lost.node().name(), lost.reason());
    } else if (event instanceof MembershipEvent.NodeJoined joined) {
      lostReasons.remove(joined.node().name());
    }
    boolean wasDc = isDc();
    Optional<String> previousDc = view == null ? Optional.empty() : view.dc().map(Node::name);
    view = event.view();
    if (!view.ringId().equals(ring)) {
      newRing(wasDc, previousDc);
    } else if (isDc() && !syncing) {
      recordMembership();
    }
    return drain();
  }

  public List<Effect> onMessage(String from, ClusterMessage message) {
    if (message instanceof ClusterMessage.Announce a) {
      // Kept even when it comes before this node installs that membership: it may become the current one.
      if (isNewer(a.ringId()) || a.ringId().equals(ring) && isDc() && syncing) {
        announces.put(from, a);
        completeSync();
      }
    } else if (message instanceof ClusterMessage.Solicit s) {
      if (s.ringId().equals(ring) && view.dc().map(n -> n.name().equals(from)).orElse(false)) {
        send(from, new ClusterMessage.Announce(ring, cib.version(), digest, xml));
      }
    } else if (message instanceof ClusterMessage.Digest d) {
      if (!from.equals(self) && d.ringId().equals(ring) && isFromDc(from, "Digest")
          && (!d.version().equals(cib.version()) || !d.digest().equals(digest))) {
        notice(Effect.Notice.Level.WARN, "this node's CIB " + cib.version() + " differs from the DC's "
            + d.version() + "; asking for the whole CIB");
        send(from, new ClusterMessage.Resync(cib.version()));
      }
    } else if (message instanceof ClusterMessage.Sync s) {
      if (!from.equals(self) && isFromDc(from, "Sync")) {
        adopt(s.cibXml(), "the DC " + from);
        send(from, new ClusterMessage.Ack(cib.version()));
      }
    } else if (message instanceof ClusterMessage.Forward f) {
      Origin origin = new Origin(from, f.requestId());
      if (!isDc()) {
        respond(origin, new Reply.Failure(ErrorCode.UNAVAILABLE, "node " + self + " is no longer the DC; retry"));
      } else if (syncing) {
        deferred.add(new Deferred(origin, f.op()));
      } else {
        write(origin, f.op());
      }
    } else if (message instanceof ClusterMessage.Commit c) {
      if (!from.equals(self) && isFromDc(from, "Commit")) {
        applyCommit(from, c);
      }
    } else if (message instanceof ClusterMessage.Ack a) {
      if (isDc()) {
        acked.merge(from, a.version(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
        releaseAcknowledged();
      }
    } else if (message instanceof ClusterMessage.Result r) {
      if (forwarded.remove(r.requestId()) != null) {
        out.add(new Effect.Respond(r.requestId(), r.reply()));
      }
    } else if (message instanceof ClusterMessage.Resync r) {
      if (isDc()) {
        flushBatch();
        notice(Effect.Notice.Level.WARN, "node " + from + " cannot apply the DC's commits to its CIB (version "
            + r.version() + "); sending it the whole CIB " + cib.version());
        send(from, new ClusterMessage.Sync(ring, xml));
      }
    }
    return drain();
  }

  /**
   * A write from a client of this node; its reply comes as {@link Effect.Respond} with {@code clientId}.
   *
   * @param user        the local user who sent it, or empty when unknown
   * @param epochSecond now, as this node's clock says (recorded as cib-last-written)
   */
  public List<Effect> onClientWrite(long clientId, Request request, String user, long epochSecond) {
    CibOp op = new CibOp.Client(request, new CibOp.Stamp(user, "crm", self, epochSecond));
    Origin origin = new Origin(self, clientId);
    Optional<Node> dc = view == null ? Optional.empty() : view.dc();
    if (dc.isEmpty()) {
      respond(origin, new Reply.Failure(ErrorCode.UNAVAILABLE, "node " + self + " has no DC yet; retry"));
    } else if (isDc()) {
      if (syncing) {
        deferred.add(new Deferred(origin, op));
      } else {
        write(origin, op);
      }
    } else {
      forwarded.put(clientId, dc.get().name());
      send(dc.get().name(), new ClusterMessage.Forward(clientId, op));
    }
    return drain();
  }

  /** The DC's own status write (results of its transitions); ignored on a member that is not DC. */
  public List<Effect> writeStatus(List<StatusChange> changes) {
    if (isDc()) {
      CibOp op = new CibOp.Status(changes);
      if (syncing) {
        deferred.add(new Deferred(null, op));
      } else {
        write(null, op);
      }
    }
    return drain();
  }

  /**
   * Called about once a second. A DC still gathering CIBs after {@value #SOLICIT_AFTER_TICKS} ticks asks
   * the members again; a DC in service sends its version and digest, so members that missed a message
   * ask for the whole CIB.
   */
  public List<Effect> onTick() {
    if (isDc() && syncing) {
      if (++syncTicks >= SOLICIT_AFTER_TICKS) {
        syncTicks = 0;
        List<String> missing = memberNames().stream().filter(m -> !announces.containsKey(m)).toList();
        notice(Effect.Notice.Level.WARN, "still waiting for the CIBs of " + missing + " (membership " + ring
            + "); asking again");
        out.add(new Effect.Broadcast(new ClusterMessage.Solicit(ring)));
      }
    } else if (isDc() && view.members().size() > 1) {
      flushBatch();
      out.add(new Effect.Broadcast(new ClusterMessage.Digest(ring, cib.version(), digest)));
    }
    return drain();
  }

  /** Ends a batch of inputs: the DC stores and broadcasts the writes applied since the last flush. */
  public List<Effect> flush() {
    flushBatch();
    return drain();
  }

  // ---- membership changes ----------------------------------------------------------------

  private void newRing(boolean wasDc, Optional<String> previousDc) {
    if (wasDc) {
      flushBatch();
    }
    ring = view.ringId();
    Optional<String> dc = view.dc().map(Node::name);
    failForwardedNotTo(dc);
    syncTicks = 0;
    announces.values().removeIf(a -> !a.ringId().equals(ring) && !isNewer(a.ringId()));
    if (isDc()) {
      syncing = true;
      announces.put(self, new ClusterMessage.Announce(ring, cib.version(), digest, xml));
      acked.keySet().retainAll(memberNames());
      if (!wasDc) {
        notice(Effect.Notice.Level.INFO, "node " + self + " is now the DC" + previousDc.map(p -> " (was " + p + ")")
            .orElse("") + "; gathering the members' CIBs (membership " + ring + ")");
      }
      completeSync();
    } else {
      syncing = false;
      if (wasDc) {
        String why = "node " + self + " stopped being the DC before every member confirmed the change; check the CIB and retry";
        awaitingAcks.forEach(w -> w.writes().forEach(a -> respond(a.origin(), unavailable(why))));
        awaitingAcks.clear();
        deferred.forEach(d -> respond(d.origin(), unavailable(why)));
        deferred.clear();
        acked.clear();
      }
      dc.ifPresent(d -> send(d, new ClusterMessage.Announce(ring, cib.version(), digest, xml)));
    }
  }

  private void failForwardedNotTo(Optional<String> dc) {
    var it = forwarded.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      if (dc.isEmpty() || !dc.get().equals(e.getValue())) {
        out.add(new Effect.Respond(e.getKey(), unavailable("the DC " + e.getValue()
            + " left before it confirmed the change; check the CIB and retry")));
        it.remove();
      }
    }
  }

  private void completeSync() {
    announces.values().removeIf(a -> !a.ringId().equals(ring) && !isNewer(a.ringId()));
    List<String> announced = announces.entrySet().stream().filter(e -> e.getValue().ringId().equals(ring))
        .map(Map.Entry::getKey).toList();
    if (!syncing || !announced.containsAll(memberNames())) {
      return;
    }
    announces.keySet().retainAll(memberNames());
    Map<String, Cib> parsed = new LinkedHashMap<>();
    for (var e : announces.entrySet()) {
      if (e.getKey().equals(self)) {
        parsed.put(self, cib);
        continue;
      }
      try {
        parsed.put(e.getKey(), CibXml.parse(e.getValue().cibXml(), "CIB announced by " + e.getKey()));
      } catch (Exception ex) {
        notice(Effect.Notice.Level.WARN, "ignoring the CIB announced by node " + e.getKey() + ": " + ex.getMessage());
      }
    }
    String winner = parsed.keySet().stream().max(Comparator
        .comparing((String n) -> parsed.get(n).version())
        .thenComparing(n -> n.equals(self))
        .thenComparing(Comparator.comparing((String n) -> configuredIds.getOrDefault(n, Integer.MAX_VALUE)).reversed()))
        .orElse(self);
    Cib kept = parsed.get(winner);
    String keptDigest = digestOf(kept);
    for (var e : parsed.entrySet()) {
      String node = e.getKey();
      if (!digestOf(e.getValue()).equals(keptDigest)) {
        reportLoss(node, e.getValue(), winner, kept);
      }
    }
    boolean ownKept = keptDigest.equals(digest);
    if (!ownKept) {
      setCib(kept);
      out.add(new Effect.Persist(cib, xml));
    }
    boolean someoneDiffers = announces.values().stream().anyMatch(a -> !a.digest().equals(digest));
    if (someoneDiffers) {
      out.add(new Effect.Broadcast(new ClusterMessage.Sync(ring, xml)));
    }
    syncing = false;
    announces.clear();
    memberNames().forEach(m -> acked.put(m, cib.version()));
    for (Waiting w : awaitingAcks) {
      for (Applied a : w.writes()) {
        respond(a.origin(), ownKept ? new Reply.Committed(a.version())
            : unavailable("the change was lost: after partitions merged, the CIB " + kept.version() + " of node "
                + winner + " was kept"));
      }
    }
    awaitingAcks.clear();
    List<Deferred> waiting = new ArrayList<>(deferred);
    deferred.clear();
    waiting.forEach(d -> write(d.origin(), d.op()));
    recordMembership();
  }

  private void reportLoss(String node, Cib lost, String winner, Cib kept) {
    List<String> changes = ConfigurationDiff.discarded(lost.configuration(), kept.configuration());
    if (lost.version().compareTo(kept.version()) < 0 && changes.isEmpty()) {
      notice(Effect.Notice.Level.INFO, "node " + node + " catches up from CIB " + lost.version() + " to "
          + kept.version() + " (node " + winner + ")");
    } else {
      notice(Effect.Notice.Level.WARN, "CIB " + lost.version() + " of node " + node + " loses to CIB "
          + kept.version() + " of node " + winner + "; its changes are discarded: "
          + (changes.isEmpty() ? "status only" : String.join(", ", changes)));
    }
  }

  /** The DC writes the membership into the CIB when it differs from what the CIB says. */
  private void recordMembership() {
    if (!isDc() || syncing) {
      return;
    }
    Node dc = view.dc().orElseThrow();
    List<CibOp.NodeEntry> entries = new ArrayList<>();
    for (var e : configuredIds.entrySet()) {
      String name = e.getKey();
      String id = Integer.toString(e.getValue());
      boolean member = view.contains(name);
      String expected;
      if (member) {
        expected = "member";
      } else if (lostReasons.get(name) == MembershipEvent.NodeLost.Reason.FAILED) {
        expected = "member"; // not known to be down: it must be fenced before its resources move
      } else if (lostReasons.get(name) == MembershipEvent.NodeLost.Reason.LEFT) {
        expected = "down";
      } else {
        expected = cib.status().nodeStates().stream().filter(s -> id.equals(s.id())).findFirst()
            .map(NodeState::expected).orElse("down");
      }
      entries.add(new CibOp.NodeEntry(id, name, member, expected));
    }
    write(null, new CibOp.MembershipStatus(Integer.toString(dc.id()), view.quorate(), entries));
  }

  // ---- writes ----------------------------------------------------------------------------

  /** The DC applies one write to its CIB; a null origin is the DC's own (membership) write. */
  private void write(Origin origin, CibOp op) {
    Cib next;
    try {
      next = CibOps.apply(cib, op);
    } catch (Refused r) {
      if (origin != null) {
        respond(origin, new Reply.Failure(r.code(), r.getMessage()));
      } else {
        notice(Effect.Notice.Level.WARN, (op instanceof CibOp.Status ? "status" : "membership") + " update refused: "
            + r.getMessage());
      }
      return;
    }
    if (next == cib) {
      if (origin != null) {
        respond(origin, new Reply.Committed(cib.version()));
      }
      return;
    }
    if (batchOps.isEmpty()) {
      batchBase = cib.version();
    }
    cib = next;
    batchOps.add(op);
    batch.add(new Applied(origin, next.version()));
  }

  private void flushBatch() {
    if (batchOps.isEmpty()) {
      return;
    }
    setCib(cib);
    out.add(new Effect.Persist(cib, xml));
    out.add(new Effect.Broadcast(new ClusterMessage.Commit(batchBase, batchOps, cib.version(), digest)));
    List<Applied> writes = batch.stream().filter(a -> a.origin() != null).toList();
    awaitingAcks.add(new Waiting(cib.version(), writes));
    batchOps.clear();
    batch.clear();
    releaseAcknowledged();
  }

  /** Answers the writes that every other member has acknowledged. */
  private void releaseAcknowledged() {
    if (syncing) {
      return;
    }
    CibVersion everyone = null;
    for (String m : memberNames()) {
      if (m.equals(self)) {
        continue;
      }
      CibVersion v = acked.getOrDefault(m, CibVersion.ZERO);
      everyone = everyone == null || v.compareTo(everyone) < 0 ? v : everyone;
    }
    var it = awaitingAcks.iterator();
    while (it.hasNext()) {
      Waiting w = it.next();
      if (everyone != null && w.version().compareTo(everyone) > 0) {
        break;
      }
      w.writes().forEach(a -> respond(a.origin(), new Reply.Committed(a.version())));
      it.remove();
    }
  }

  // ---- members ---------------------------------------------------------------------------

  private void applyCommit(String dc, ClusterMessage.Commit c) {
    if (!c.base().equals(cib.version())) {
      notice(Effect.Notice.Level.WARN, "commit " + c.base() + " -> " + c.version() + " from the DC " + dc
          + " does not apply to this node's CIB " + cib.version() + "; asking for the whole CIB");
      send(dc, new ClusterMessage.Resync(cib.version()));
      return;
    }
    Cib next = cib;
    try {
      for (CibOp op : c.ops()) {
        next = CibOps.replay(next, op);
      }
    } catch (Refused r) {
      notice(Effect.Notice.Level.WARN, "commit " + c.version() + " from the DC " + dc + " failed here: "
          + r.getMessage() + "; asking for the whole CIB");
      send(dc, new ClusterMessage.Resync(cib.version()));
      return;
    }
    String nextXml = CibXml.write(next);
    String nextDigest = digestOf(nextXml);
    if (!next.version().equals(c.version()) || !nextDigest.equals(c.digest())) {
      notice(Effect.Notice.Level.WARN, "commit " + c.version() + " from the DC " + dc + " gave CIB "
          + next.version() + " with another digest here; asking for the whole CIB");
      send(dc, new ClusterMessage.Resync(cib.version()));
      return;
    }
    cib = next;
    published = next;
    xml = nextXml;
    digest = nextDigest;
    out.add(new Effect.Persist(cib, xml));
    send(dc, new ClusterMessage.Ack(cib.version()));
  }

  private void adopt(String cibXml, String source) {
    Cib given;
    try {
      given = CibXml.parse(cibXml, "CIB from " + source);
    } catch (Exception e) {
      notice(Effect.Notice.Level.WARN, "ignoring the CIB from " + source + ": " + e.getMessage());
      return;
    }
    String givenXml = CibXml.write(given);
    if (digestOf(givenXml).equals(digest)) {
      return;
    }
    notice(Effect.Notice.Level.INFO, "replacing this node's CIB " + cib.version() + " with CIB " + given.version()
        + " from " + source);
    setCib(given);
    out.add(new Effect.Persist(cib, xml));
  }

  private boolean isFromDc(String from, String what) {
    boolean fromDc = view != null && view.dc().map(n -> n.name().equals(from)).orElse(false);
    if (!fromDc) {
      notice(Effect.Notice.Level.WARN, "ignoring " + what + " from node " + from + ", which is not the DC");
    }
    return fromDc;
  }

  // ---- helpers ---------------------------------------------------------------------------

  /**
   * Whether a membership id ("coordinator.sequence") may belong to a membership this node has not
   * installed yet: its sequence is above the current one's.
   */
  private boolean isNewer(String ringId) {
    return sequence(ringId) > sequence(ring);
  }

  private static long sequence(String ringId) {
    int dot = ringId.lastIndexOf('.');
    try {
      return Long.parseLong(ringId.substring(dot + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private List<String> memberNames() {
    return view == null ? List.of() : view.members().stream().map(Node::name).toList();
  }

  private void setCib(Cib c) {
    cib = c;
    published = c;
    xml = CibXml.write(c);
    digest = digestOf(xml);
  }

  private static String digestOf(Cib c) {
    return digestOf(CibXml.write(c));
  }

  private static String digestOf(String text) {
    return CibStore.digest(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Reply.Failure unavailable(String why) {
    return new Reply.Failure(ErrorCode.UNAVAILABLE, why);
  }

  private void respond(Origin origin, Reply reply) {
    if (origin.node().equals(self)) {
      out.add(new Effect.Respond(origin.requestId(), reply));
    } else {
      send(origin.node(), new ClusterMessage.Result(origin.requestId(), reply));
    }
  }

  private void send(String to, ClusterMessage m) {
    out.add(new Effect.Send(to, m));
  }

  private void notice(Effect.Notice.Level level, String text) {
    out.add(new Effect.Notice(level, text));
  }

  private List<Effect> drain() {
    List<Effect> effects = List.copyOf(out);
    out.clear();
    return effects;
  }
}
