/**
 * One CIB interface for every crm command, over a CIB file ({@code CIB_file}) or a live
 * vigild; edits are committed as a whole new CIB guarded by the version read.
 */
package org.vigil.crmsh.cib;
