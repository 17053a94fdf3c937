/** Changes to a CIB as pure functions: merging an update into a configuration, version bumps. */
package org.vigil.cib.edit;
