package org.vigil.membership;

/**
 * Counters of messages turned away.
 *
 * @param rejectedUnauthenticated transport messages that failed authentication (wrong or no cluster
 *                                key, tampering, replays)
 * @param droppedMalformed        authenticated messages that did not parse as Vigil messages, or came from
 *                                an address that is not a node of the node list
 */
public record MembershipStats(long rejectedUnauthenticated, long droppedMalformed) {
}
