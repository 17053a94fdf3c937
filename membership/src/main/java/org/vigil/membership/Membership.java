package org.vigil.membership;

import java.util.Optional;
import org.vigil.membership.internal.JGroupsMembership;

/**
 * This node's membership in the cluster: who is in the partition, its quorum and DC, and messages to
 * other nodes. The controller codes against this interface; tests can replace it with a fake.
 */
public interface Membership extends AutoCloseable {

    /**
     * Joins the cluster described by {@code config} (or forms it, if no other node answers within the
     * join timeout) and returns once the first membership is installed.
     */
    static Membership start(MembershipConfig config, MembershipListener listener) throws MembershipException {
        return JGroupsMembership.start(config, listener);
    }

    Node localNode();

    /**
     * The current membership of this node's partition. It changes just before the listener receives
     * the events of the change; inside a listener, use the event's own {@code view()}.
     */
    MembershipView view();

    default Optional<Node> dc() {
        return view().dc();
    }

    default boolean isDc() {
        return dc().map(localNode()::equals).orElse(false);
    }

    default boolean quorate() {
        return view().quorate();
    }

    /** The quorum state in the layout of {@code corosync-quorumtool -s}. */
    String quorumReport();

    /**
     * Sends to one member. Messages from one sender arrive in the order sent, whether sent to one
     * node or broadcast.
     *
     * @throws MembershipException when the node is not a member of this partition or the channel is closed
     */
    void send(String nodeName, byte[] payload) throws MembershipException;

    /** Sends to every member of the partition, this node included. */
    void broadcast(byte[] payload) throws MembershipException;

    MembershipStats stats();

    /**
     * Leaves the cluster cleanly: the others see this node lost at once, with reason LEFT (not FAILED,
     * so it need not be fenced), then stops delivery.
     */
    @Override
    void close();
}
