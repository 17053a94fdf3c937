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
 * <p>Where the transition executor goes: the DC's scheduler run is one more consumer of the loop. After
 * each batch, when {@code replica.isDc()} and the CIB version changed, hand the CIB to the policy engine
 * (a pure function) off the loop thread, and feed the graph's actions and the executor's results back as
 * inputs; operation results become {@code lrm_rsc_op} entries written through the replica like any other
 * CIB update (an {@code Update} with a {@code <node_state>}), so they replicate and survive a DC change.
 * Nothing here may block the loop (disk and agents run on their own threads).
 */
package org.vigil.controller;
