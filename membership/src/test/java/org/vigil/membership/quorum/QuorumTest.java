package org.vigil.membership.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QuorumTest {

    private static final Duration WINDOW = Duration.ofMillis(10_000);

    private static Map<Integer, Integer> oneVoteEach(int nodes) {
        Map<Integer, Integer> votes = new LinkedHashMap<>();
        IntStream.rangeClosed(1, nodes).forEach(id -> votes.put(id, 1));
        return votes;
    }

    private static Set<Integer> ids(int... ids) {
        return IntStream.of(ids).boxed().collect(Collectors.toSet());
    }

    @Nested
    class Majority {
        @Test
        void threeNodesNeedTwo() {
            Quorum q = Quorum.initial(oneVoteEach(3), QuorumOptions.defaults());
            assertThat(q.quorate()).isFalse();
            assertThat(q.withMembers(ids(1, 2), 0).quorate()).isTrue();
            assertThat(q.withMembers(ids(3), 0).quorate()).isFalse();
            assertThat(q.withMembers(ids(1, 2), 0).quorumVotes()).isEqualTo(2);
        }

        @Test
        void twoOfFiveMinorityLosesQuorumAndThreeKeepIt() {
            Quorum all = Quorum.initial(oneVoteEach(5), QuorumOptions.defaults()).withMembers(ids(1, 2, 3, 4, 5), 0);
            assertThat(all.quorate()).isTrue();
            Quorum minority = all.withMembers(ids(4, 5), 1);
            Quorum majority = all.withMembers(ids(1, 2, 3), 1);
            assertThat(minority.quorate()).isFalse();
            assertThat(minority.totalVotes()).isEqualTo(2);
            assertThat(minority.quorumVotes()).isEqualTo(3);
            assertThat(majority.quorate()).isTrue();
        }

        @Test
        void votesPerNodeCount() {
            Map<Integer, Integer> votes = Map.of(1, 3, 2, 1, 3, 1);
            Quorum q = Quorum.initial(votes, QuorumOptions.defaults());
            assertThat(q.expectedVotes()).isEqualTo(5);
            assertThat(q.withMembers(ids(1), 0).quorate()).isTrue();
            assertThat(q.withMembers(ids(2, 3), 0).quorate()).isFalse();
        }

        @Test
        void expectedVotesOverrideTheNodeList() {
            Quorum q = Quorum.initial(oneVoteEach(3), QuorumOptions.defaults().withExpectedVotes(5));
            assertThat(q.withMembers(ids(1, 2), 0).quorate()).isFalse();
            assertThat(q.withMembers(ids(1, 2, 3), 0).quorate()).isTrue();
        }

        @Test
        void expectedVotesRiseWhenMoreVotesArePresent() {
            Quorum q = Quorum.initial(Map.of(1, 1, 2, 1, 3, 4), QuorumOptions.defaults().withExpectedVotes(2))
                    .withMembers(ids(1, 2, 3), 0);
            assertThat(q.expectedVotes()).isEqualTo(6);
            assertThat(q.quorumVotes()).isEqualTo(4);
            assertThat(q.withMembers(ids(1, 2), 1).quorate()).isFalse();
        }

        @Test
        void unknownMembersBringNoVotes() {
            Quorum q = Quorum.initial(oneVoteEach(3), QuorumOptions.defaults()).withMembers(ids(1, 42), 0);
            assertThat(q.totalVotes()).isEqualTo(1);
            assertThat(q.quorate()).isFalse();
        }

        @Test
        void rejectsEmptyNodeListAndNegativeVotes() {
            assertThatThrownBy(() -> Quorum.initial(Map.of(), QuorumOptions.defaults()))
                    .hasMessageContaining("at least one node");
            assertThatThrownBy(() -> Quorum.initial(Map.of(1, -1), QuorumOptions.defaults()))
                    .hasMessageContaining("node 1");
        }
    }

    @Nested
    class TwoNode {
        private final QuorumOptions twoNode = QuorumOptions.defaults().withTwoNode(true);

        @Test
        void survivorKeepsQuorum() {
            Quorum both = Quorum.initial(oneVoteEach(2), twoNode).withMembers(ids(1, 2), 0);
            assertThat(both.quorate()).isTrue();
            assertThat(both.quorumVotes()).isEqualTo(1);
            Quorum survivor = both.withMembers(ids(2), 1);
            assertThat(survivor.quorate()).isTrue();
            assertThat(survivor.flags()).containsExactly("2Node", "Quorate", "WaitForAll");
        }

        @Test
        void impliesWaitForAllSoALoneStartingNodeWaits() {
            Quorum alone = Quorum.initial(oneVoteEach(2), twoNode).withMembers(ids(1), 0);
            assertThat(alone.quorate()).isFalse();
            assertThat(alone.waitingForAll()).isTrue();
            assertThat(alone.flags()).containsExactly("2Node", "WaitForAll");
        }

        @Test
        void explicitWaitForAllOffLetsALoneNodeStartQuorate() {
            Quorum alone = Quorum.initial(oneVoteEach(2), twoNode.withWaitForAll(false)).withMembers(ids(1), 0);
            assertThat(alone.quorate()).isTrue();
        }

        @Test
        void isOffWhenMoreThanTwoVotesAreExpected() {
            Quorum three = Quorum.initial(oneVoteEach(3), twoNode.withWaitForAll(false)).withMembers(ids(1), 0);
            assertThat(three.twoNodeActive()).isFalse();
            assertThat(three.quorate()).isFalse();
        }
    }

    @Nested
    class WaitForAll {
        private final QuorumOptions wfa = QuorumOptions.defaults().withWaitForAll(true);

        @Test
        void notQuorateUntilAllNodesWereSeenTogetherOnce() {
            Quorum q = Quorum.initial(oneVoteEach(3), wfa);
            Quorum twoAtStart = q.withMembers(ids(1, 2), 0);
            assertThat(twoAtStart.quorate()).isFalse();
            Quorum all = twoAtStart.withMembers(ids(1, 2, 3), 1);
            assertThat(all.quorate()).isTrue();
            assertThat(all.waitingForAll()).isFalse();
            Quorum laterTwo = all.withMembers(ids(1, 2), 2);
            assertThat(laterTwo.quorate()).isTrue();
        }
    }

    @Nested
    class LastManStanding {
        private final QuorumOptions lms = QuorumOptions.defaults().withLastManStanding(true, WINDOW);

        @Test
        void eightNodeCascadeOfVotequorumManPage() {
            Quorum q = Quorum.initial(oneVoteEach(8), lms).withMembers(ids(1, 2, 3, 4, 5, 6, 7, 8), 0);
            assertThat(q.quorumVotes()).isEqualTo(5);

            q = q.withMembers(ids(1, 2, 3, 4, 5), 1_000);
            assertThat(q.quorate()).isTrue();
            assertThat(q.lastManStandingDeadline()).hasValue(11_000);
            assertThat(q.atTime(10_999).expectedVotes()).isEqualTo(8);
            q = q.atTime(11_000);
            assertThat(q.expectedVotes()).isEqualTo(5);
            assertThat(q.quorumVotes()).isEqualTo(3);

            q = q.withMembers(ids(1, 2, 3), 20_000).atTime(30_000);
            assertThat(q.quorate()).isTrue();
            assertThat(q.expectedVotes()).isEqualTo(3);
            assertThat(q.quorumVotes()).isEqualTo(2);

            q = q.withMembers(ids(1, 2), 40_000).atTime(50_000);
            assertThat(q.quorate()).isTrue();
            assertThat(q.expectedVotes()).isEqualTo(2);
            assertThat(q.quorumVotes()).isEqualTo(2);

            assertThat(q.withMembers(ids(1), 60_000).quorate())
                    .as("without auto_tie_breaker the last node is not quorate").isFalse();
        }

        @Test
        void needsOneVotePerNode() {
            assertThatThrownBy(() -> Quorum.initial(Map.of(1, 1, 2, 2, 3, 1), lms))
                    .hasMessageContaining("exactly 1 vote");
        }

        @Test
        void aNewMembershipRestartsTheWindow() {
            Quorum q = Quorum.initial(oneVoteEach(5), lms).withMembers(ids(1, 2, 3, 4, 5), 0)
                    .withMembers(ids(1, 2, 3, 4), 1_000)
                    .withMembers(ids(1, 2, 3), 5_000);
            assertThat(q.atTime(11_000).expectedVotes()).isEqualTo(5);
            assertThat(q.atTime(15_000).expectedVotes()).isEqualTo(3);
        }

        @Test
        void withoutTheOptionExpectedVotesNeverDrop() {
            Quorum q = Quorum.initial(oneVoteEach(5), QuorumOptions.defaults()).withMembers(ids(1, 2, 3, 4, 5), 0)
                    .withMembers(ids(1, 2, 3), 0);
            assertThat(q.lastManStandingDeadline()).isEmpty();
            assertThat(q.atTime(1_000_000).expectedVotes()).isEqualTo(5);
        }

        @Test
        void withAutoTieBreakerTheLastNodeWithTheLowestIdStays() {
            QuorumOptions both = lms.withAutoTieBreaker(true, TieBreaker.lowest());
            Quorum q = Quorum.initial(oneVoteEach(3), both).withMembers(ids(1, 2, 3), 0)
                    .withMembers(ids(1, 2), 0).atTime(WINDOW.toMillis());
            assertThat(q.expectedVotes()).isEqualTo(2);
            Quorum one = q.withMembers(ids(1), 20_000);
            assertThat(one.quorate()).isTrue();
            assertThat(one.atTime(40_000).expectedVotes()).isEqualTo(1);
            assertThat(q.withMembers(ids(2), 20_000).quorate()).isFalse();
        }
    }

    @Nested
    class AutoTieBreaker {
        private final Quorum four = Quorum.initial(oneVoteEach(4), QuorumOptions.defaults()
                .withAutoTieBreaker(true, TieBreaker.lowest())).withMembers(ids(1, 2, 3, 4), 0);

        @Test
        void lowestNodeIdSideWinsAFiftyFiftySplit() {
            assertThat(four.withMembers(ids(1, 3), 1).quorate()).isTrue();
            assertThat(four.withMembers(ids(2, 4), 1).quorate()).isFalse();
        }

        @Test
        void withoutTheOptionNeitherHalfIsQuorate() {
            Quorum plain = Quorum.initial(oneVoteEach(4), QuorumOptions.defaults()).withMembers(ids(1, 2, 3, 4), 0);
            assertThat(plain.withMembers(ids(1, 3), 1).quorate()).isFalse();
            assertThat(plain.withMembers(ids(2, 4), 1).quorate()).isFalse();
        }

        @Test
        void highestAndListModes() {
            Quorum highest = Quorum.initial(oneVoteEach(4), QuorumOptions.defaults()
                    .withAutoTieBreaker(true, TieBreaker.highest())).withMembers(ids(1, 2, 3, 4), 0);
            assertThat(highest.withMembers(ids(2, 4), 1).quorate()).isTrue();
            assertThat(highest.withMembers(ids(1, 3), 1).quorate()).isFalse();

            Quorum listed = Quorum.initial(oneVoteEach(4), QuorumOptions.defaults()
                    .withAutoTieBreaker(true, TieBreaker.nodes(List.of(7, 3, 1)))).withMembers(ids(1, 2, 3, 4), 0);
            assertThat(listed.withMembers(ids(3, 4), 1).quorate()).as("7 is not a member, 3 is next").isTrue();
            assertThat(listed.withMembers(ids(1, 2), 1).quorate()).isFalse();
        }

        @Test
        void bothHalvesPickTheTieBreakerFromTheMembershipBeforeTheSplit() {
            // Node 1 left earlier while the cluster stayed quorate: the tie-breaker is now node 2.
            Quorum withoutOne = Quorum.initial(oneVoteEach(5), QuorumOptions.defaults().withExpectedVotes(4)
                    .withAutoTieBreaker(true, TieBreaker.lowest())).withMembers(ids(2, 3, 4, 5), 0);
            assertThat(withoutOne.expectedVotes()).isEqualTo(4);
            assertThat(withoutOne.withMembers(ids(2, 3), 1).quorate()).isTrue();
            assertThat(withoutOne.withMembers(ids(4, 5), 1).quorate()).isFalse();
        }

        @Test
        void lessThanHalfIsNeverRescued() {
            assertThat(four.withMembers(ids(1), 1).quorate()).isFalse();
        }
    }

    @Nested
    class Report {
        @Test
        void layoutOfCorosyncQuorumtool() {
            Quorum alone = Quorum.initial(oneVoteEach(2), QuorumOptions.defaults().withTwoNode(true))
                    .withMembers(ids(1), 0);
            String text = QuorumReport.render(alone, 1, "1.5", Map.of(1, "node1", 2, "node2"),
                    ZonedDateTime.of(2026, 11, 3, 9, 20, 3, 0, ZoneOffset.UTC));
            assertThat(text).isEqualTo("""
                    Quorum information
                    ------------------
                    Date:             Tue Nov  3 09:20:03 2026
                    Quorum provider:  vigil_votequorum
                    Nodes:            1
                    Node ID:          1
                    Ring ID:          1.5
                    Quorate:          No

                    Votequorum information
                    ----------------------
                    Expected votes:   2
                    Highest expected: 2
                    Total votes:      1
                    Quorum:           1 Activity blocked
                    Flags:            2Node WaitForAll\s

                    Membership information
                    ----------------------
                        Nodeid      Votes Name
                             1          1 node1 (local)
                    """);
        }

        @Test
        void quorateClusterListsAllMembersAndFlags() {
            Quorum q = Quorum.initial(oneVoteEach(3), QuorumOptions.defaults().withWaitForAll(true)
                    .withLastManStanding(true, WINDOW).withAutoTieBreaker(true, TieBreaker.lowest()))
                    .withMembers(ids(1, 2, 3), 0);
            String text = QuorumReport.render(q, 2, "1.9", Map.of(1, "a", 2, "b", 3, "c"),
                    ZonedDateTime.of(2026, 11, 23, 9, 20, 3, 0, ZoneOffset.UTC));
            assertThat(text).contains("Quorate:          Yes\n", "Quorum:           2  \n",
                    "Flags:            Quorate WaitForAll LastManStanding AutoTieBreaker \n",
                    "         1          1 a\n", "         2          1 b (local)\n", "         3          1 c\n");
        }
    }
}
