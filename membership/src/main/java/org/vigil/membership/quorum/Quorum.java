package org.vigil.membership.quorum;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The quorum state of one partition, as corosync's votequorum computes it.
 *
 * <p>Immutable: {@link #withMembers} (a new membership) and {@link #atTime} (the clock moved, for
 * last_man_standing) return a new state. All nodes of a partition that share the configuration and
 * see the same memberships in the same order compute the same state.
 *
 * <p>Rules, from votequorum(5):
 * <ul>
 * <li>expected votes start at the configured value (or the sum of the node list's votes) and only
 *     rise when more votes are present; quorum is half the expected votes plus one;</li>
 * <li>two_node with two expected votes sets quorum to 1;</li>
 * <li>wait_for_all: never quorate until every expected vote has been present at the same time once
 *     since this node started;</li>
 * <li>last_man_standing: when a quorate partition has lost votes and the window passes without
 *     another membership change, expected votes drop to the votes present;</li>
 * <li>auto_tie_breaker: a partition holding exactly half of the expected votes is quorate if it holds
 *     the tie-breaker node, picked among the members of the last quorate membership (or the whole node
 *     list before any), so both halves of a split pick the same node.</li>
 * </ul>
 */
public final class Quorum {

    private final SortedMap<Integer, Integer> votesByNode;
    private final QuorumOptions options;
    private final SortedSet<Integer> members;
    private final int expected;
    private final boolean waitingForAll;
    private final SortedSet<Integer> tieBreakReference;
    private final OptionalLong lmsDeadline;
    private final boolean quorate;

    private Quorum(SortedMap<Integer, Integer> votesByNode, QuorumOptions options, SortedSet<Integer> members,
            int expected, boolean waitingForAll, SortedSet<Integer> tieBreakReference, OptionalLong lmsDeadline) {
        this.votesByNode = votesByNode;
        this.options = options;
        this.members = members;
        this.expected = expected;
        this.waitingForAll = waitingForAll;
        this.tieBreakReference = tieBreakReference;
        this.lmsDeadline = lmsDeadline;
        this.quorate = evaluate();
    }

    /**
     * The state before any membership: no members, not quorate.
     *
     * @param votesByNode node id to its votes, for every node of the node list
     */
    public static Quorum initial(Map<Integer, Integer> votesByNode, QuorumOptions options) {
        Objects.requireNonNull(options, "options");
        if (votesByNode.isEmpty()) {
            throw new IllegalArgumentException("quorum needs a node list with at least one node");
        }
        votesByNode.forEach((id, votes) -> {
            if (votes < 0) {
                throw new IllegalArgumentException("node " + id + ": votes must not be negative, got " + votes);
            }
        });
        if (options.lastManStanding() && votesByNode.values().stream().anyMatch(v -> v != 1)) {
            throw new IllegalArgumentException("last_man_standing needs every node to have exactly 1 vote, got "
                    + votesByNode);
        }
        SortedMap<Integer, Integer> votes = Collections.unmodifiableSortedMap(new TreeMap<>(votesByNode));
        int configured = options.expectedVotes().orElse(votes.values().stream().mapToInt(Integer::intValue).sum());
        return new Quorum(votes, options, Collections.emptySortedSet(), Math.max(configured, 1),
                options.effectiveWaitForAll(), Collections.unmodifiableSortedSet(new TreeSet<>(votes.keySet())),
                OptionalLong.empty());
    }

    /** The state after a new membership was installed at {@code nowMillis}. */
    public Quorum withMembers(Collection<Integer> memberIds, long nowMillis) {
        SortedSet<Integer> next = Collections.unmodifiableSortedSet(new TreeSet<>(memberIds));
        int total = votesOf(next);
        int nextExpected = Math.max(expected, total);
        boolean stillWaiting = waitingForAll && total < nextExpected;
        // The tie-breaker is chosen among the last quorate membership: that is this one if it is quorate.
        SortedSet<Integer> reference = quorate ? members : tieBreakReference;
        Quorum candidate = new Quorum(votesByNode, options, next, nextExpected, stillWaiting, reference,
                OptionalLong.empty());
        boolean lostVotes = candidate.quorate && options.lastManStanding() && total < nextExpected;
        OptionalLong deadline = lostVotes
                ? OptionalLong.of(nowMillis + options.lastManStandingWindow().toMillis())
                : OptionalLong.empty();
        return new Quorum(votesByNode, options, next, nextExpected, stillWaiting, reference, deadline);
    }

    /** The state once the clock reads {@code nowMillis}: the last_man_standing window may have passed. */
    public Quorum atTime(long nowMillis) {
        if (lmsDeadline.isEmpty() || nowMillis < lmsDeadline.getAsLong() || !quorate) {
            return this;
        }
        return new Quorum(votesByNode, options, members, Math.max(totalVotes(), 1), waitingForAll, members,
                OptionalLong.empty());
    }

    /** When {@link #atTime} would lower the expected votes, if a last_man_standing window is running. */
    public OptionalLong lastManStandingDeadline() {
        return lmsDeadline;
    }

    public boolean quorate() {
        return quorate;
    }

    public SortedSet<Integer> members() {
        return members;
    }

    public QuorumOptions options() {
        return options;
    }

    /** Votes of a node of the node list; 0 for a node that is not in it. */
    public int votesOf(int nodeId) {
        return votesByNode.getOrDefault(nodeId, 0);
    }

    public SortedMap<Integer, Integer> votesByNode() {
        return votesByNode;
    }

    /** The votes of the members present. */
    public int totalVotes() {
        return votesOf(members);
    }

    public int expectedVotes() {
        return expected;
    }

    /**
     * The highest expected votes among the partition's members; every member shares the configuration,
     * so it equals {@link #expectedVotes()}.
     */
    public int highestExpected() {
        return expected;
    }

    /** The votes needed for quorum. */
    public int quorumVotes() {
        return twoNodeActive() ? 1 : expected / 2 + 1;
    }

    /** two_node is only in force while two votes are expected (a third node turns it off). */
    public boolean twoNodeActive() {
        return options.twoNode() && expected == 2;
    }

    /** True until every expected vote has been present at once, when wait_for_all is on. */
    public boolean waitingForAll() {
        return waitingForAll;
    }

    /** The flags corosync-quorumtool prints, in its order. */
    public List<String> flags() {
        List<String> flags = new ArrayList<>();
        if (twoNodeActive()) {
            flags.add("2Node");
        }
        if (quorate) {
            flags.add("Quorate");
        }
        if (options.effectiveWaitForAll()) {
            flags.add("WaitForAll");
        }
        if (options.lastManStanding()) {
            flags.add("LastManStanding");
        }
        if (options.autoTieBreaker()) {
            flags.add("AutoTieBreaker");
        }
        return List.copyOf(flags);
    }

    private boolean evaluate() {
        if (waitingForAll) {
            return false;
        }
        int total = totalVotes();
        if (total >= quorumVotes()) {
            return true;
        }
        if (options.autoTieBreaker() && total * 2 == expected) {
            return options.tieBreaker().choose(tieBreakReference).map(members::contains).orElse(false);
        }
        return false;
    }

    private int votesOf(Collection<Integer> ids) {
        return ids.stream().mapToInt(this::votesOf).sum();
    }

    @Override
    public String toString() {
        return "Quorum[members=" + members + ", total=" + totalVotes() + ", expected=" + expected + ", quorum="
                + quorumVotes() + ", quorate=" + quorate + ", flags=" + flags() + "]";
    }
}
