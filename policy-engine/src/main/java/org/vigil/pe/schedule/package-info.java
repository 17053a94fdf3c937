/**
 * The scheduler's stages after status unpacking: the resource tree with resolved constraints
 * ({@link org.vigil.pe.schedule.Model}), node scores and assignment
 * ({@link org.vigil.pe.schedule.Allocator}), the actions each resource needs and their
 * orderings ({@link org.vigil.pe.schedule.Planner}), and the "Transition Summary" lines
 * ({@link org.vigil.pe.schedule.SummaryFormatter}). Working state is mutable inside a stage
 * and never escapes it; what leaves the package is immutable. Pure: no I/O, no clock.
 */
package org.vigil.pe.schedule;
