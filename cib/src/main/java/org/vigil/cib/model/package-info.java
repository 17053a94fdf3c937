/**
 * The typed, immutable CIB model. Records mirror the CIB's elements; what a record does not
 * understand is kept in {@link org.vigil.cib.model.Extras}. No I/O here.
 */
package org.vigil.cib.model;
