/**
 * The crm command line: picocli commands, the configure shell, status, offline mode on a CIB file.
 */
package org.vigil.crmsh;
