package org.vigil.pe.simulate;

import java.util.List;
import org.vigil.cib.model.Cib;

/**
 * What running a transition in simulation gave.
 *
 * @param lines the "Executing Cluster Transition" lines, in execution order, without the two
 *     leading spaces (e.g. {@code * Resource action: rsc1            start on node1})
 * @param revised the CIB after every executed action took effect
 * @param completed false when some actions could never run (a predecessor missing from the
 *     graph, or a cycle); crm_simulate then reports "Transition failed: terminated"
 */
public record SimulatedExecution(List<String> lines, Cib revised, boolean completed) {
  public SimulatedExecution {
    lines = List.copyOf(lines);
  }
}
