/**
 * {@code crm simulate}: crm_simulate's output for a CIB file, one at a time or a directory
 * of them in one process (the conformance harness's batch form).
 */
package org.vigil.crmsh.simulate;
