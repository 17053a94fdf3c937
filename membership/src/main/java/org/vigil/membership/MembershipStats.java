package org.vigil.membership;

/**
 * Counters of messages turned away.
 *
 * @param rejectedUnauthenticated transport messages that failed authentication (wrong or no cluster
 *                                key, tampering, replays)
 * @param droppedMalformed        authenticated messages from members that did not parse
 */
public record MembershipStats(long rejectedUnauthenticated, long droppedMalformed) {
}
