package org.vigil.membership.internal;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.MergeView;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.protocols.DISCARD;
import org.jgroups.util.ExtendedUUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.membership.KeyFile;
import org.vigil.membership.Membership;
import org.vigil.membership.MembershipConfig;
import org.vigil.membership.MembershipEvent;
import org.vigil.membership.MembershipException;
import org.vigil.membership.MembershipListener;
import org.vigil.membership.MembershipStats;
import org.vigil.membership.MembershipView;
import org.vigil.membership.Node;
import org.vigil.membership.NodeConfig;
import org.vigil.membership.quorum.Quorum;
import org.vigil.membership.quorum.QuorumReport;

/**
 * {@link Membership} over a JGroups channel.
 *
 * <p>Node identity: each channel's address is an {@link ExtendedUUID} carrying the configured node name
 * and id, so a view maps to configured nodes without any lookup; an address whose name and id do not
 * match the node list is ignored (it gets no votes and cannot be DC).
 *
 * <p>DC election: the DC is the oldest configured member of the view (JGroups' view coordinator, unless
 * it is not a configured node). Every member of a partition sees the same view, so all agree without
 * extra messages; the DC only changes when it leaves or at a merge, never because a node with a lower
 * id comes back, which avoids needless DC moves.
 *
 * <p>Threads: JGroups callbacks only enqueue; one delivery thread turns views into events, updates the
 * quorum state, runs last_man_standing timers and hands messages to the listener, all in arrival order.
 */
public final class JGroupsMembership implements Membership {

    private static final Logger LOG = LoggerFactory.getLogger(JGroupsMembership.class);
    private static final String KEY_ID = "vigil.id";
    private static final String KEY_NAME = "vigil.name";
    private static final long START_TIMEOUT_SECONDS = 30;

    static {
        // JGroups logs and names threads by address; show "node1#9f3a" rather than every key of the UUID.
        ExtendedUUID.setPrintFunction(u -> u.keyExists(KEY_NAME)
                ? new String(u.get(KEY_NAME), StandardCharsets.UTF_8) + "#" + u.toStringLong().substring(0, 4)
                : u.toStringLong());
    }

    private final MembershipConfig config;
    private final MembershipListener listener;
    private final Node local;
    private final Map<Integer, NodeConfig> nodesById = new LinkedHashMap<>();
    private final ScheduledExecutorService delivery;
    private final LongSupplier clock = () -> System.nanoTime() / 1_000_000L;
    private final AtomicLong malformed = new AtomicLong();
    private final Set<Address> warnedUnknown = ConcurrentHashMap.newKeySet();
    private final ClusterSeal seal;
    private final JChannel channel;

    // Touched only on the delivery thread, except the volatile view that readers take a snapshot of.
    private Quorum quorum;
    private org.jgroups.ViewId lastViewId;
    private volatile MembershipView view;
    private Map<Integer, Address> addressOf = Map.of();
    private final Set<Address> announcedLeaving = new java.util.HashSet<>();
    private volatile Thread deliveryThread;

    // Acknowledgements of this node's own leave announcement, guarded by itself.
    private final Set<Integer> leaveAcks = new java.util.HashSet<>();

    private JGroupsMembership(MembershipConfig config, MembershipListener listener, KeyFile key,
            boolean faultInjection) throws Exception {
        this.config = config;
        this.listener = listener;
        this.local = config.localNode().node();
        config.nodes().forEach(n -> nodesById.put(n.id(), n));
        this.quorum = Quorum.initial(config.votesById(), config.quorum());
        this.view = new MembershipView("0.0", List.of(), Optional.empty(), quorum);
        this.delivery = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-membership-" + local.name());
            t.setDaemon(true);
            deliveryThread = t;
            return t;
        });
        this.seal = new ClusterSeal(key.derive("cluster-traffic:" + config.clusterName()), config.clusterName());
        NodeListToken joinCheck = new NodeListToken(nodesById, this::identify, this::currentJGroupsView);
        this.channel = new JChannel(StackFactory.build(config, seal, joinCheck, faultInjection));
        channel.name(local.name());
        channel.addAddressGenerator(() -> ExtendedUUID.randomUUID(local.name())
                .put(KEY_ID, Integer.toString(local.id()).getBytes(StandardCharsets.US_ASCII))
                .put(KEY_NAME, local.name().getBytes(StandardCharsets.UTF_8)));
        channel.receiver(new Receiver() {
            @Override
            public void viewAccepted(View newView) {
                enqueue(() -> applyView(newView));
            }

            @Override
            public void receive(Message msg) {
                Address src = msg.getSrc();
                byte[] bytes = msg.hasArray()
                        ? Arrays.copyOfRange(msg.getArray(), msg.getOffset(), msg.getOffset() + msg.getLength())
                        : new byte[0];
                enqueue(() -> deliver(src, bytes));
            }
        });
    }

    /** Starts a node of a production cluster. */
    public static Membership start(MembershipConfig config, MembershipListener listener) throws MembershipException {
        return start(config, listener, false);
    }

    /**
     * @param faultInjection adds a DISCARD layer so tests and benchmarks can cut links
     *                       ({@link #isolateFrom}, {@link #heal})
     */
    public static JGroupsMembership start(MembershipConfig config, MembershipListener listener,
            boolean faultInjection) throws MembershipException {
        KeyFile key = KeyFile.load(config.keyFile());
        JGroupsMembership m;
        try {
            m = new JGroupsMembership(config, listener, key, faultInjection);
        } catch (Exception e) {
            throw new MembershipException("node " + config.localNodeName() + ": cannot build the JGroups stack: " + e, e);
        }
        NodeConfig self = config.localNode();
        try {
            m.channel.connect(config.clusterName());
            // The first view may still be queued: wait until the delivery thread has applied it.
            m.delivery.submit(() -> m.applyView(m.channel.view())).get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (SecurityException e) {
            m.close();
            throw new MembershipException("node " + self.name() + ": the cluster '" + config.clusterName()
                    + "' refused this node (" + e.getMessage() + "): its name, id, address or port do not match"
                    + " the node list, or that node is already a member; the DC's log says which", e);
        } catch (Exception e) {
            m.close();
            throw new MembershipException("node " + self.name() + ": cannot join cluster '" + config.clusterName()
                    + "' on " + self.address() + ":" + self.port() + ": " + rootMessage(e), e);
        }
        LOG.info("Node {} is in cluster '{}' (key fingerprint {}), members {}, DC {}, {}", self.name(),
                config.clusterName(), key.fingerprint(), m.view.members(), m.view.dc().map(Node::name).orElse("none"),
                m.view.quorate() ? "quorate" : "NOT quorate");
        return m;
    }

    @Override
    public Node localNode() {
        return local;
    }

    @Override
    public MembershipView view() {
        return view;
    }

    @Override
    public String quorumReport() {
        MembershipView v = view;
        Map<Integer, String> names = new LinkedHashMap<>();
        nodesById.forEach((id, n) -> names.put(id, n.name()));
        return QuorumReport.render(v.quorum(), local.id(), v.ringId(), names, ZonedDateTime.now());
    }

    @Override
    public void send(String nodeName, byte[] payload) throws MembershipException {
        NodeConfig target = config.nodes().stream().filter(n -> n.name().equals(nodeName)).findFirst()
                .orElseThrow(() -> new MembershipException("send: no node named '" + nodeName + "' in the node list"));
        if (!view.contains(nodeName)) {
            throw new MembershipException("send: node " + nodeName + " is not a member of this partition "
                    + view.members());
        }
        multicast(Frame.data(target.id(), payload).encode());
    }

    @Override
    public void broadcast(byte[] payload) throws MembershipException {
        multicast(Frame.data(Frame.EVERYONE, payload).encode());
    }

    @Override
    public MembershipStats stats() {
        return new MembershipStats(seal.rejectedCount(), malformed.get());
    }

    /**
     * Announces a clean leave, waits (at most the failure-detection timeout) until every other member
     * has acknowledged it, then leaves: the others report this node lost with reason LEFT.
     */
    @Override
    public void close() {
        try {
            announceLeave();
        } finally {
            disconnect();
        }
    }

    private void announceLeave() {
        if (!channel.isConnected() || view.members().size() < 2) {
            return;
        }
        try {
            multicast(new Frame(Frame.Kind.LEAVING, Frame.EVERYONE, new byte[0]).encode());
        } catch (MembershipException e) {
            LOG.warn("Node {}: could not announce its leave; the others will see it as failed: {}", local.name(),
                    e.getMessage());
            return;
        }
        if (Thread.currentThread() == deliveryThread) {
            // Called from the listener: acknowledgements would queue behind this call.
            return;
        }
        long deadline = System.nanoTime() + config.failureDetection().timeout().toNanos();
        synchronized (leaveAcks) {
            while (!leaveAcks.containsAll(otherMemberIds())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("Node {}: leaving without acknowledgement from {}", local.name(), otherMemberIds());
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(leaveAcks, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Set<Integer> otherMemberIds() {
        return view.members().stream().map(Node::id).filter(id -> id != local.id()).collect(Collectors.toSet());
    }

    private void disconnect() {
        try {
            channel.close();
        } finally {
            delivery.shutdown();
            try {
                if (!delivery.awaitTermination(2, TimeUnit.SECONDS)) {
                    delivery.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                delivery.shutdownNow();
            }
        }
    }

    /** Drops all traffic from and to the named nodes (both directions once each side does it). */
    void isolateFrom(Collection<String> nodeNames) {
        DISCARD discard = discardLayer();
        for (Address a : channel.view().getMembers()) {
            identify(a).filter(n -> nodeNames.contains(n.name())).ifPresent(n -> discard.addIgnoreMember(a));
        }
    }

    /** Undoes {@link #isolateFrom}. */
    void heal() {
        discardLayer().resetIgnoredMembers();
    }

    /**
     * Returns once everything queued for delivery so far has been delivered: {@link #view()} changes
     * before the listener hears of it, so a caller that saw a view uses this to wait for its events.
     */
    void awaitDelivered() throws Exception {
        delivery.submit(() -> { }).get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Sends bytes that bypass Vigil's framing, as a buggy or hostile member with the key would. */
    void sendRaw(byte[] bytes) throws Exception {
        channel.send(new BytesMessage(null, bytes));
    }

    private View currentJGroupsView() {
        return channel == null ? null : channel.view();
    }

    private DISCARD discardLayer() {
        DISCARD discard = channel.getProtocolStack().findProtocol(DISCARD.class);
        if (discard == null) {
            throw new IllegalStateException("fault injection was not enabled for node " + local.name());
        }
        return discard;
    }

    private void multicast(byte[] frame) throws MembershipException {
        try {
            channel.send(new BytesMessage(null, frame));
        } catch (Exception e) {
            throw new MembershipException("node " + local.name() + ": cannot send: " + rootMessage(e), e);
        }
    }

    private void enqueue(Runnable task) {
        try {
            delivery.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Node {}: membership delivery failed; continuing", local.name(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Node {} is closing: dropped a callback", local.name());
        }
    }

    private void applyView(View v) {
        if (v == null || v.getViewId().equals(lastViewId)) {
            return;
        }
        lastViewId = v.getViewId();
        MembershipView before = view;
        List<Node> members = nodesOf(v.getMembers());
        Quorum nextQuorum = quorum.withMembers(members.stream().map(Node::id).toList(), clock.getAsLong());
        Optional<Node> dc = members.stream().findFirst();
        String ringId = dc.map(Node::id).orElse(0) + "." + v.getViewId().getId();
        MembershipView after = new MembershipView(ringId, members, dc, nextQuorum);
        quorum = nextQuorum;
        view = after;
        LOG.info("Node {}: membership {} {} DC {} {}", local.name(), ringId, members,
                dc.map(Node::name).orElse("none"), nextQuorum.quorate() ? "quorate" : "NOT quorate");
        Map<Integer, Address> previousAddresses = addressOf;
        addressOf = newestAddresses(v.getMembers());

        for (Node lost : before.members()) {
            if (!members.contains(lost)) {
                boolean announced = announcedLeaving.contains(previousAddresses.get(lost.id()));
                MembershipEvent.NodeLost.Reason reason = announced
                        ? MembershipEvent.NodeLost.Reason.LEFT : MembershipEvent.NodeLost.Reason.FAILED;
                LOG.info("Node {}: {} {}", local.name(), lost, announced ? "left cleanly" : "FAILED");
                emit(new MembershipEvent.NodeLost(lost, reason, after));
            }
        }
        announcedLeaving.retainAll(v.getMembers());
        for (Node joined : members) {
            if (!before.members().contains(joined)) {
                emit(new MembershipEvent.NodeJoined(joined, after));
            }
        }
        if (v instanceof MergeView merge) {
            List<List<Node>> partitions = merge.getSubgroups().stream().map(sub -> nodesOf(sub.getMembers())).toList();
            emit(new MembershipEvent.PartitionMerged(partitions, after));
        }
        afterQuorumChange(before, after);
        if (!dc.equals(before.dc()) && dc.isPresent()) {
            emit(new MembershipEvent.DcChanged(before.dc(), dc.get(), after));
        }
        scheduleLastManStanding();
    }

    private void afterQuorumChange(MembershipView before, MembershipView after) {
        if (after.quorate() != before.quorate()) {
            emit(new MembershipEvent.QuorumChanged(after.quorate(), after));
        }
    }

    private void scheduleLastManStanding() {
        quorum.lastManStandingDeadline().ifPresent(deadline -> {
            long delay = Math.max(0, deadline - clock.getAsLong());
            Quorum armed = quorum;
            delivery.schedule(() -> {
                if (quorum == armed) {
                    tick();
                }
            }, delay, TimeUnit.MILLISECONDS);
        });
    }

    private void tick() {
        Quorum next = quorum.atTime(clock.getAsLong());
        if (next == quorum) {
            return;
        }
        MembershipView before = view;
        quorum = next;
        view = new MembershipView(before.ringId(), before.members(), before.dc(), next);
        LOG.info("Node {}: last_man_standing window passed, expected votes now {}", local.name(),
                next.expectedVotes());
        afterQuorumChange(before, view);
    }

    private void deliver(Address src, byte[] bytes) {
        Optional<Node> from = identify(src);
        if (from.isEmpty()) {
            malformed.incrementAndGet();
            LOG.warn("Node {}: dropped a message from {}, which is not a configured node", local.name(), src);
            return;
        }
        Frame frame;
        try {
            frame = Frame.decode(bytes);
        } catch (Frame.MalformedFrameException e) {
            malformed.incrementAndGet();
            LOG.warn("Node {}: dropped a malformed message from {}: {}", local.name(), from.get(), e.getMessage());
            return;
        }
        if (!frame.isFor(local.id())) {
            return;
        }
        switch (frame.kind()) {
            case DATA -> {
                try {
                    listener.onMessage(from.get(), frame.payload());
                } catch (RuntimeException e) {
                    LOG.error("Node {}: listener failed on a message from {}; continuing", local.name(), from.get(), e);
                }
            }
            case LEAVING -> {
                if (!from.get().equals(local)) {
                    announcedLeaving.add(src);
                    try {
                        multicast(new Frame(Frame.Kind.LEAVING_ACK, from.get().id(), new byte[0]).encode());
                    } catch (MembershipException e) {
                        LOG.warn("Node {}: cannot acknowledge the leave of {}: {}", local.name(), from.get(),
                                e.getMessage());
                    }
                }
            }
            case LEAVING_ACK -> {
                synchronized (leaveAcks) {
                    leaveAcks.add(from.get().id());
                    leaveAcks.notifyAll();
                }
            }
            default -> throw new AssertionError(frame.kind());
        }
    }

    /** For each configured node in the view, its newest address (a restarted node may briefly have two). */
    private Map<Integer, Address> newestAddresses(Collection<Address> addresses) {
        Map<Integer, Address> newest = new java.util.HashMap<>();
        for (Address a : addresses) {
            identify(a).ifPresent(n -> newest.put(n.id(), a));
        }
        return newest;
    }

    private void emit(MembershipEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("Node {}: listener failed on {}; continuing", local.name(), event.getClass().getSimpleName(), e);
        }
    }

    /** Configured nodes among the addresses, in view order, each once. */
    private List<Node> nodesOf(Collection<Address> addresses) {
        Map<Integer, Node> nodes = new LinkedHashMap<>();
        for (Address a : addresses) {
            identify(a).ifPresent(n -> nodes.putIfAbsent(n.id(), n));
        }
        return new ArrayList<>(nodes.values());
    }

    private Optional<Node> identify(Address address) {
        if (address instanceof ExtendedUUID uuid && uuid.keyExists(KEY_ID) && uuid.keyExists(KEY_NAME)) {
            try {
                int id = Integer.parseInt(new String(uuid.get(KEY_ID), StandardCharsets.US_ASCII));
                String name = new String(uuid.get(KEY_NAME), StandardCharsets.UTF_8);
                NodeConfig configured = nodesById.get(id);
                if (configured != null && configured.name().equals(name)) {
                    return Optional.of(configured.node());
                }
            } catch (NumberFormatException e) {
                // falls through to the warning below
            }
        }
        if (address != null && warnedUnknown.add(address)) {
            LOG.warn("Node {}: {} is not a node of the node list {}; ignoring it", local.name(), address,
                    nodesById.values().stream().map(NodeConfig::name).collect(Collectors.toList()));
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof TimeoutException) {
            return "timed out";
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
