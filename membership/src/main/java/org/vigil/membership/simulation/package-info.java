/**
 * An in-memory cluster with the same membership semantics as the JGroups one (views in join order,
 * DC = oldest member, votequorum, events in the same order, FIFO messages per sender), for the
 * controller's tests and simulations: no sockets, no threads, no clock of its own.
 *
 * <p>Must not import org.jgroups or do I/O; everything runs on the caller's thread.
 */
package org.vigil.membership.simulation;
