/** Checks a CIB for what Pacemaker would refuse or ignore: ids, references, scores, roles. Pure. */
package org.vigil.cib.validate;
