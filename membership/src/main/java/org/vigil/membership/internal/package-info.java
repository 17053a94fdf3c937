/**
 * The JGroups implementation of {@link org.vigil.membership.Membership}: the protocol stack, the
 * sealing layer that authenticates and encrypts every transport message with the cluster key, node
 * identity in JGroups addresses, and the translation of JGroups views into Vigil's events.
 *
 * <p>The only package of Vigil that imports org.jgroups. Other modules must not use it directly: its
 * classes are public only so that {@code Membership.start} can reach them.
 */
package org.vigil.membership.internal;
