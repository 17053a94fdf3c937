/**
 * Executing a transition graph: {@link org.vigil.controller.transition.TransitionEngine} decides
 * which actions may run (predecessors confirmed, batch-limit), takes their outcomes and tells
 * complete from aborted; {@link org.vigil.controller.transition.OperationHistory} turns an
 * executed operation into the CIB status records Pacemaker writes. Pure: no threads, no clock,
 * no I/O; the caller (the DC's event loop) dispatches the actions and feeds results back.
 */
package org.vigil.controller.transition;
