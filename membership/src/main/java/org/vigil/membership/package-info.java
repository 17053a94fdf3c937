/**
 * Cluster membership over JGroups: who is in, quorum, DC election, authenticated messages. The only module that imports org.jgroups.
 */
package org.vigil.membership;
