/**
 * Carrying out graph actions: {@link org.vigil.controller.dispatch.OperationPlanner} looks a
 * resource action's agent, parameters, meta attributes and timeout up in the CIB (pure);
 * the executor-backed parts run it through {@code org.vigil.lrm} and turn the result into a
 * status change. No scheduling decisions here.
 */
package org.vigil.controller.dispatch;
