package org.vigil.membership;

import java.util.List;
import java.util.Optional;
import org.vigil.membership.quorum.Quorum;

/**
 * One installed membership of this node's partition.
 *
 * @param ringId  identifies the membership: the coordinator's node id and the view number, like
 *                corosync's ring id ("1.5")
 * @param members the configured nodes in the partition, in join order (oldest first)
 * @param dc      the designated controller: the oldest member, the same on every member of the
 *                partition; empty only before the first membership
 * @param quorum  the partition's quorum state
 */
public record MembershipView(String ringId, List<Node> members, Optional<Node> dc, Quorum quorum) {

    public MembershipView {
        members = List.copyOf(members);
    }

    public boolean quorate() {
        return quorum.quorate();
    }

    public boolean contains(String nodeName) {
        return members.stream().anyMatch(n -> n.name().equals(nodeName));
    }

    public Optional<Node> member(String nodeName) {
        return members.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }
}
