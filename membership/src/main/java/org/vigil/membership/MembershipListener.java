package org.vigil.membership;

/**
 * Receives membership events and messages. Both are called on one delivery thread, in order: messages
 * from one sender in the order it sent them, and every message in the membership it was sent in.
 * Implementations should hand work to their own queue and return quickly.
 */
public interface MembershipListener {

    void onEvent(MembershipEvent event);

    /** A message another node (or this one, for broadcasts) sent. */
    void onMessage(Node from, byte[] payload);
}
