/**
 * {@code crm configure}: the crmsh-syntax shell (interactive, scripted or one statement),
 * {@code show}, {@code load [xml]}, {@code verify}.
 */
package org.vigil.crmsh.configure;
