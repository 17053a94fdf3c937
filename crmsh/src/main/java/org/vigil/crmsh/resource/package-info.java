/** {@code crm resource}: start, stop, move, ban, clear, manage, cleanup, failcount, meta, param. */
package org.vigil.crmsh.resource;
