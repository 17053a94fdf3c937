/**
 * The local executor: finds and runs OCF and LSB agents, with timeouts and recurring monitors. Depends on nothing of Vigil's.
 */
package org.vigil.lrm;
