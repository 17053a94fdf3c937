/** {@code crm status}: crm_mon's one-shot status of the cluster or of a CIB file. */
package org.vigil.crmsh.status;
