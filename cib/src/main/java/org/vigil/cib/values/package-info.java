/**
 * Values as Pacemaker reads them from a CIB: scores with INFINITY arithmetic, durations and
 * intervals, booleans. Pure functions.
 */
package org.vigil.cib.values;
