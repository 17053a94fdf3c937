/**
 * The client protocol between crm and vigild over a Unix domain socket ({@code DATADIR/vigild.sock}):
 * {@link org.vigil.protocol.Request}s and {@link org.vigil.protocol.Reply}s in length-prefixed frames
 * ({@link org.vigil.protocol.Wire}), and the blocking {@link org.vigil.protocol.VigilClient}. Shared by
 * both sides; it must not depend on the controller, membership, the executor or the scheduler, so that
 * crm never pulls in JGroups.
 */
package org.vigil.protocol;
