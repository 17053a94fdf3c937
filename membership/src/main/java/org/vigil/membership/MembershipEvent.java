package org.vigil.membership;

import java.util.List;
import java.util.Optional;

/**
 * What changed in the membership. Every event carries the view it leads to. For one membership change
 * the order is: nodes lost, nodes joined, partition merged, quorum changed, DC changed.
 */
public sealed interface MembershipEvent {

    /** The membership after the change. */
    MembershipView view();

    /** A node entered this partition (it started, or came back with a merge). */
    record NodeJoined(Node node, MembershipView view) implements MembershipEvent {
    }

    /**
     * A node left this partition.
     *
     * @param reason {@link Reason#LEFT} when it announced a clean shutdown before leaving;
     *               {@link Reason#FAILED} when it crashed, hung or became unreachable (a partition), or its
     *               announcement did not arrive: its state is unknown, so a resource manager fences it
     */
    record NodeLost(Node node, Reason reason, MembershipView view) implements MembershipEvent {

        /** Why a node is no longer a member (corosync CPG's leave versus node-down). */
        public enum Reason { LEFT, FAILED }
    }

    /**
     * Partitions healed and merged into this view. The controller must reconcile state (the CIB) that
     * the sides may have changed apart.
     *
     * @param partitions the members of each partition before the merge
     */
    record PartitionMerged(List<List<Node>> partitions, MembershipView view) implements MembershipEvent {
        public PartitionMerged {
            partitions = partitions.stream().map(List::copyOf).toList();
        }
    }

    /** This partition gained or lost quorum (after a membership change or a last_man_standing window). */
    record QuorumChanged(boolean quorate, MembershipView view) implements MembershipEvent {
    }

    /** A different node is now the designated controller of this partition. */
    record DcChanged(Optional<Node> previous, Node dc, MembershipView view) implements MembershipEvent {
    }
}
