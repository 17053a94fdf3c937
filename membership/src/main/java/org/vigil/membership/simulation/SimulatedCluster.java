package org.vigil.membership.simulation;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
 * A cluster of the configured nodes in memory. Tests start, close and crash nodes, cut the cluster into
 * partitions, heal it and move a virtual clock; each node's {@link Membership} behaves as the JGroups
 * one does: the same events in the same order, DC = oldest member of the partition, votequorum per
 * partition, messages FIFO per sender and only within a partition, broadcasts reaching the sender too.
 *
 * <p>After a merge the DC is the oldest member; a real cluster picks one of the former DCs, so callers
 * must not depend on which.
 *
 * <p>Deterministic: events and messages go through one queue that is drained, in order, before each
 * operation returns, on the caller's thread (listeners may call back into the cluster).
 */
public final class SimulatedCluster {

    private final MembershipConfig config;
    private final Map<String, SimNode> running = new LinkedHashMap<>();
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final Set<String> leftCleanly = new HashSet<>();
    private List<Set<String>> cuts = List.of();
    private long nowMillis;
    private long viewSeq;
    private long startCounter;
    private boolean draining;

    /** @param config the node list and quorum options; the local node name in it is ignored */
    public SimulatedCluster(MembershipConfig config) {
        this.config = config;
    }

    /** Starts a node: it joins the running nodes it can reach (forming or entering their partition). */
    public Membership start(String nodeName, MembershipListener listener) {
        NodeConfig nc = config.nodes().stream().filter(n -> n.name().equals(nodeName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node named '" + nodeName + "' in the node list"));
        if (running.containsKey(nodeName)) {
            throw new IllegalStateException("node " + nodeName + " is already running");
        }
        SimNode node = new SimNode(nc.node(), listener, Quorum.initial(config.votesById(), config.quorum()));
        leftCleanly.remove(nodeName);
        running.put(nodeName, node);
        regroup(false);
        return node;
    }

    /** Kills a node: the others report it lost with reason FAILED. ({@code Membership.close()} leaves cleanly.) */
    public void crash(String nodeName) {
        remove(nodeName);
    }

    private void remove(String nodeName) {
        SimNode node = running.remove(nodeName);
        if (node != null) {
            node.closed = true;
            regroup(false);
        }
    }

    /**
     * Cuts the cluster: nodes in different groups no longer reach each other; a running node in no
     * group is alone. Replaces any previous cut.
     */
    @SafeVarargs
    public final void partition(Set<String>... groups) {
        cuts = List.of(groups).stream().map(Set::copyOf).toList();
        regroup(false);
    }

    /** Removes every cut: all partitions merge (each member gets {@link MembershipEvent.PartitionMerged}). */
    public void heal() {
        cuts = List.of();
        regroup(true);
    }

    /** Moves the virtual clock (last_man_standing windows run on it). */
    public void advance(Duration d) {
        nowMillis += d.toMillis();
        for (SimNode n : running.values()) {
            Quorum next = n.quorum.atTime(nowMillis);
            if (next != n.quorum) {
                MembershipView before = n.view;
                n.quorum = next;
                n.view = new MembershipView(before.ringId(), before.members(), before.dc(), next);
                if (before.quorate() != n.view.quorate()) {
                    MembershipView v = n.view;
                    enqueue(() -> n.listener.onEvent(new MembershipEvent.QuorumChanged(v.quorate(), v)));
                }
            }
        }
        drain();
    }

    public long nowMillis() {
        return nowMillis;
    }

    private boolean reach(String a, String b) {
        if (cuts.isEmpty() || a.equals(b)) {
            return true;
        }
        return cuts.stream().anyMatch(g -> g.contains(a) && g.contains(b));
    }

    /** Recomputes every partition; nodes whose partition changed get a new view and its events. */
    private void regroup(boolean merge) {
        Set<String> placed = new HashSet<>();
        for (SimNode n : new ArrayList<>(running.values())) {
            String name = n.local.name();
            if (placed.contains(name)) {
                continue;
            }
            List<SimNode> group = running.values().stream().filter(o -> reach(name, o.local.name())).toList();
            group.forEach(o -> placed.add(o.local.name()));
            install(group, merge);
        }
        drain();
    }

    private void install(List<SimNode> group, boolean merge) {
        // Join order: members keep their seniority; the oldest member of the group comes first.
        List<SimNode> ordered = group.stream().sorted(Comparator.comparingLong(o -> o.startedAt)).toList();
        List<Node> members = ordered.stream().map(o -> o.local).toList();
        boolean changed = ordered.stream().anyMatch(o -> !o.view.members().equals(members));
        if (!changed) {
            return;
        }
        long seq = ++viewSeq;
        List<List<Node>> before = ordered.stream().map(o -> o.view.members()).distinct()
                .filter(l -> !l.isEmpty()).toList();
        boolean isMerge = merge && before.size() > 1;
        for (SimNode n : ordered) {
            MembershipView old = n.view;
            n.quorum = n.quorum.withMembers(members.stream().map(Node::id).toList(), nowMillis);
            Optional<Node> dc = members.stream().findFirst();
            MembershipView v = new MembershipView(dc.map(Node::id).orElse(0) + "." + seq, members, dc, n.quorum);
            n.view = v;
            for (Node lost : old.members()) {
                if (!members.contains(lost)) {
                    MembershipEvent.NodeLost.Reason reason = leftCleanly.contains(lost.name())
                            ? MembershipEvent.NodeLost.Reason.LEFT : MembershipEvent.NodeLost.Reason.FAILED;
                    enqueue(() -> n.listener.onEvent(new MembershipEvent.NodeLost(lost, reason, v)));
                }
            }
            for (Node joined : members) {
                if (!old.members().contains(joined)) {
                    enqueue(() -> n.listener.onEvent(new MembershipEvent.NodeJoined(joined, v)));
                }
            }
            if (isMerge) {
                enqueue(() -> n.listener.onEvent(new MembershipEvent.PartitionMerged(before, v)));
            }
            if (old.quorate() != v.quorate()) {
                enqueue(() -> n.listener.onEvent(new MembershipEvent.QuorumChanged(v.quorate(), v)));
            }
            if (!old.dc().equals(dc) && dc.isPresent()) {
                enqueue(() -> n.listener.onEvent(new MembershipEvent.DcChanged(old.dc(), dc.get(), v)));
            }
        }
    }

    private void enqueue(Runnable r) {
        queue.add(r);
    }

    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            Runnable r;
            while ((r = queue.poll()) != null) {
                r.run();
            }
        } finally {
            draining = false;
        }
    }

    private final class SimNode implements Membership {
        final Node local;
        final MembershipListener listener;
        final long startedAt = startCounter++;
        Quorum quorum;
        MembershipView view;
        boolean closed;

        SimNode(Node local, MembershipListener listener, Quorum quorum) {
            this.local = local;
            this.listener = listener;
            this.quorum = quorum;
            this.view = new MembershipView("0.0", List.of(), Optional.empty(), quorum);
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
            Map<Integer, String> names = config.nodes().stream()
                    .collect(Collectors.toMap(NodeConfig::id, NodeConfig::name));
            return QuorumReport.render(quorum, local.id(), view.ringId(), names,
                    java.time.ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(nowMillis), java.time.ZoneOffset.UTC));
        }

        @Override
        public void send(String nodeName, byte[] payload) throws MembershipException {
            check();
            if (config.nodes().stream().noneMatch(n -> n.name().equals(nodeName))) {
                throw new MembershipException("send: no node named '" + nodeName + "' in the node list");
            }
            if (!view.contains(nodeName)) {
                throw new MembershipException("send: node " + nodeName + " is not a member of this partition "
                        + view.members());
            }
            deliverTo(List.of(nodeName), payload);
        }

        @Override
        public void broadcast(byte[] payload) throws MembershipException {
            check();
            deliverTo(view.members().stream().map(Node::name).toList(), payload);
        }

        private void deliverTo(Collection<String> names, byte[] payload) {
            byte[] copy = payload.clone();
            for (String name : names) {
                SimNode target = running.get(name);
                if (target != null) {
                    enqueue(() -> {
                        // Delivered only if still in the same partition when the queue reaches it.
                        if (!target.closed && !closed && target.view.contains(local.name())) {
                            target.listener.onMessage(local, copy.clone());
                        }
                    });
                }
            }
            drain();
        }

        private void check() throws MembershipException {
            if (closed) {
                throw new MembershipException("node " + local.name() + ": membership is closed");
            }
        }

        @Override
        public MembershipStats stats() {
            return new MembershipStats(0, 0);
        }

        @Override
        public void close() {
            if (!closed) {
                leftCleanly.add(local.name());
                remove(local.name());
            }
        }
    }
}
