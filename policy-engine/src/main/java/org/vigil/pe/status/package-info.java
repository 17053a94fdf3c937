/**
 * Unpacking the CIB: what the cluster looks like right now, before any decision.
 *
 * <p>{@link org.vigil.pe.status.ClusterStatus#unpack(org.vigil.cib.model.Cib, java.time.Instant)}
 * turns a CIB and the input time into a {@link org.vigil.pe.status.ClusterState}: the cluster
 * options, every node ({@link org.vigil.pe.status.NodeStatus}: online, offline, unclean,
 * pending, standby, maintenance, shutdown, its attributes) and every configured resource
 * instance plus orphans ({@link org.vigil.pe.status.ResourceState}: where it is active and in
 * which role, failed, pending, managed, blocked, failed operations, fail counts, which nodes
 * probed it). Clone instances are named {@code rsc:N}; the history of an anonymous clone
 * (kept under the base id or {@code rsc:N}) goes to instance numbers in status order: an
 * active history takes the lowest instance not yet active anywhere.
 *
 * <p>Operation history is replayed per resource and node in call-id order (pending
 * operations last): {@code rc 0/7/8/9} mean running / not running / promoted / failed promoted;
 * a result other than the expected one ({@code transition-key}'s target rc) or an op-status
 * other than done is a failure, handled by the operation's {@code on-fail}; a later successful
 * stop (or start after a restartable failure) clears it; failures older than the resource's
 * {@code failure-timeout} at {@code now} are ignored.
 *
 * <p>Pure: no I/O, no clock (the time is an argument).
 */
package org.vigil.pe.status;
