/**
 * The daemon vigild: one cluster node.
 *
 * <p>How it is put together (a pure core fed by one event loop, STYLE.md 4):
 * <ul>
 *   <li>{@link org.vigil.controller.Main}: {@code vigild --config FILE} (and {@code vigild keygen FILE}); reads
 *       the {@link org.vigil.controller.VigildConfig}, points the log at {@code DATADIR/vigild.log}, writes
 *       {@code DATADIR/vigild.pid}, runs a {@link org.vigil.controller.Daemon} until SIGTERM, when the node
 *       leaves the cluster cleanly.</li>
 *   <li>{@link org.vigil.controller.Daemon}: wires membership (JGroups, through the membership module's API
 *       only), the {@link org.vigil.controller.replica.CibReplica} and the local socket
 *       ({@link org.vigil.controller.SocketServer}, {@code DATADIR/vigild.sock}, mode 0660). Membership
 *       events, cluster messages, client requests and a one-second tick are queued as inputs; the loop
 *       thread alone feeds them to the replica and carries out the effects it returns. A store thread
 *       writes the CIB ({@code DATADIR/cib.xml} with digest and backups) and only then sends
 *       acknowledgements and answers.</li>
 *   <li>{@link org.vigil.controller.replica}: the replicated CIB as a pure state machine, tested without
 *       sockets on the membership module's SimulatedCluster.</li>
 * </ul>
 *
 * <p>Transitions ({@code transition}, {@code dispatch}, {@code fencing}) are one more consumer of the
 * loop: after each turn the DC, once its CIB is settled (not {@code syncing()}), hands the CIB to the
 * transition service; executor results and timers come back as loop inputs, and operation results are
 * written through the replica ({@code CibOp.Status}) like any other CIB change, so they replicate and
 * survive a DC change. Nothing may block the loop: the disk, agents and fencing run on their own
 * threads.
 */
package org.vigil.controller;
