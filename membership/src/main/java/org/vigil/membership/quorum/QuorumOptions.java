package org.vigil.membership.quorum;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The votequorum options of corosync.conf's {@code quorum { }} section.
 *
 * @param expectedVotes          overrides the sum of the node list's votes when present
 * @param twoNode                a two-node cluster keeps quorum with one node (quorum is 1)
 * @param waitForAll             explicit wait_for_all; when empty it follows two_node, as in votequorum
 * @param lastManStanding        lower expected votes to the votes present once the window passes quorate
 * @param lastManStandingWindow  how long a smaller quorate membership must last before expected votes drop
 * @param autoTieBreaker         an exact half of the expected votes is quorate on the tie-breaker's side
 * @param tieBreaker             which node's side wins the tie
 */
public record QuorumOptions(
        OptionalInt expectedVotes,
        boolean twoNode,
        Optional<Boolean> waitForAll,
        boolean lastManStanding,
        Duration lastManStandingWindow,
        boolean autoTieBreaker,
        TieBreaker tieBreaker) {

    /** votequorum's default last_man_standing_window (10000 ms). */
    public static final Duration DEFAULT_LMS_WINDOW = Duration.ofSeconds(10);

    public QuorumOptions {
        Objects.requireNonNull(expectedVotes, "expectedVotes");
        Objects.requireNonNull(waitForAll, "waitForAll");
        Objects.requireNonNull(lastManStandingWindow, "lastManStandingWindow");
        Objects.requireNonNull(tieBreaker, "tieBreaker");
        if (expectedVotes.isPresent() && expectedVotes.getAsInt() < 1) {
            throw new IllegalArgumentException("expected_votes must be at least 1, got " + expectedVotes.getAsInt());
        }
        if (lastManStandingWindow.isNegative()) {
            throw new IllegalArgumentException("last_man_standing_window must not be negative");
        }
    }

    /** Plain majority: no special feature enabled. */
    public static QuorumOptions defaults() {
        return new QuorumOptions(OptionalInt.empty(), false, Optional.empty(), false, DEFAULT_LMS_WINDOW, false,
                TieBreaker.lowest());
    }

    public QuorumOptions withExpectedVotes(int votes) {
        return new QuorumOptions(OptionalInt.of(votes), twoNode, waitForAll, lastManStanding, lastManStandingWindow,
                autoTieBreaker, tieBreaker);
    }

    public QuorumOptions withTwoNode(boolean on) {
        return new QuorumOptions(expectedVotes, on, waitForAll, lastManStanding, lastManStandingWindow,
                autoTieBreaker, tieBreaker);
    }

    public QuorumOptions withWaitForAll(boolean on) {
        return new QuorumOptions(expectedVotes, twoNode, Optional.of(on), lastManStanding, lastManStandingWindow,
                autoTieBreaker, tieBreaker);
    }

    public QuorumOptions withLastManStanding(boolean on, Duration window) {
        return new QuorumOptions(expectedVotes, twoNode, waitForAll, on, window, autoTieBreaker, tieBreaker);
    }

    public QuorumOptions withAutoTieBreaker(boolean on, TieBreaker which) {
        return new QuorumOptions(expectedVotes, twoNode, waitForAll, lastManStanding, lastManStandingWindow, on,
                which);
    }

    /** two_node turns wait_for_all on unless it was set explicitly (votequorum(5)). */
    public boolean effectiveWaitForAll() {
        return waitForAll.orElse(twoNode);
    }
}
