/**
 * The scheduler: a pure function from a CIB (and an input time) to placements, scores and a
 * transition graph. No I/O, no clock, no threads. {@link org.vigil.pe.Scheduler} is the entry
 * point; {@link org.vigil.pe.Transition} and {@link org.vigil.pe.GraphAction} are what it
 * returns to the simulator and the controller.
 */
package org.vigil.pe;
