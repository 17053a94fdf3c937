/**
 * {@code crm resource}: start, stop, move, ban, clear, manage, cleanup, failcount, meta, param;
 * and force-start/stop/check/promote/demote, which run the resource's agent on this machine
 * through {@code lrm} and do not touch the CIB.
 */
package org.vigil.crmsh.resource;
