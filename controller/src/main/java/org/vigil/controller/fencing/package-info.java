/**
 * Fencing: which {@code stonith}-class devices of the CIB can fence a node
 * ({@link org.vigil.controller.fencing.FencePlan}, pure) and running their fence agents the way
 * fence agents are run, parameters on standard input ({@link org.vigil.controller.fencing.Fencer}).
 */
package org.vigil.controller.fencing;
