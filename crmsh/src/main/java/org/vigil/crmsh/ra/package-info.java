/**
 * {@code crm ra}: the resource agents installed on this machine (classes, providers,
 * agents, meta-data), printed as crmsh prints them, through {@code lrm}; and
 * {@link org.vigil.crmsh.ra.LocalAgents}, the local executor that {@code crm} uses for
 * {@code ra} and for {@code resource force-*}. Never talks to a cluster.
 */
package org.vigil.crmsh.ra;
