package org.vigil.pe.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A clone or promotable clone.
 *
 * @param childId the id of the cloned primitive or group (as configured)
 * @param instances every instance, orphans included: {@link PrimitiveView}s or {@link GroupView}s
 * @param stoppedDisabled the nodes without an instance are listed as "Stopped (disabled)": the
 *     clone's target-role, or when it has none its first instance's, is Stopped
 * @param maxInstances {@code clone-max}: the "Stopped" lists appear only while fewer instances
 *     than this are summarised as Started/Promoted/Unpromoted
 * @param allowedNodes the nodes the clone may run on as far as the status shows (every node in
 *     a symmetric cluster); the "Stopped" lists name those where no instance is active
 * @param failedProbes per node, what a failed probe of the clone said there (e.g. {@code not
 *     installed})
 */
public record CloneView(
    String id,
    String childId,
    boolean promotable,
    boolean unique,
    boolean managed,
    boolean disabled,
    boolean stoppedDisabled,
    List<ResourceView> instances,
    int maxInstances,
    List<String> allowedNodes,
    Map<String, String> failedProbes)
    implements ResourceView {
  public CloneView {
    instances = List.copyOf(instances);
    allowedNodes = List.copyOf(allowedNodes);
    failedProbes = Map.copyOf(failedProbes);
  }

  @Override
  public List<PrimitiveView> primitives() {
    List<PrimitiveView> out = new ArrayList<>();
    instances.forEach(i -> out.addAll(i.primitives()));
    return out;
  }
}
