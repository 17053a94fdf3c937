/**
 * The scheduler: a pure function from a CIB (and an input time) to placements, scores and a transition graph. No I/O, no clock, no threads.
 */
package org.vigil.pe;
