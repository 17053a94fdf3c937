/**
 * The crm command line: picocli commands, the configure shell, status, offline mode on a CIB
 * file ({@code CIB_file}). Talks to vigild only through the client protocol; never depends on
 * the controller or JGroups.
 */
package org.vigil.crmsh;
