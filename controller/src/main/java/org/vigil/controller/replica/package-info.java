/**
 * The replicated CIB: {@link org.vigil.controller.replica.CibReplica} (the state machine),
 * {@link org.vigil.controller.replica.CibOps} (applying one change, all or nothing),
 * {@link org.vigil.controller.replica.ClusterMessage} and its codec, and the
 * {@link org.vigil.controller.replica.Effect}s the daemon carries out. No I/O, no threads, no clock here:
 * time comes in as ticks, the disk and the network go out as effects.
 */
package org.vigil.controller.replica;
