/**
 * Cluster membership, the API the controller uses: start a node with {@link
 * org.vigil.membership.Membership#start}, receive {@link org.vigil.membership.MembershipEvent}s and
 * messages on one thread through a {@link org.vigil.membership.MembershipListener}, ask for the current
 * {@link org.vigil.membership.MembershipView} (members, DC, quorum), send bytes to one node or to all.
 * Configuration ({@link org.vigil.membership.MembershipConfig}) and the cluster key ({@link
 * org.vigil.membership.KeyFile}) live here too.
 *
 * <p>No JGroups type appears in this package's API: only {@code org.vigil.membership.internal}
 * imports org.jgroups, and no other module may use that package. Messages are opaque bytes: the
 * controller serialises.
 */
package org.vigil.membership;
