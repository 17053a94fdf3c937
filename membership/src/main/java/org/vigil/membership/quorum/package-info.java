/**
 * Vote quorum with corosync votequorum's semantics (votes per node, expected votes, two_node,
 * wait_for_all, last_man_standing, auto_tie_breaker) and its {@code corosync-quorumtool -s} style report.
 *
 * <p>Pure: no I/O, no threads, no clock of its own (the time is an argument), no JGroups. Every
 * state change returns a new immutable {@link org.vigil.membership.quorum.Quorum}.
 */
package org.vigil.membership.quorum;
