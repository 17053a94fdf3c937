package org.vigil.pe.render;

/**
 * The resource instances the status counts: every primitive instance except orphans that are
 * no longer active (a bundle replica counts each of its implicit resources), with how many of
 * them are disabled and how many blocked by a failure. A guest node's implicit connection counts
 * though it is not listed.
 */
public record InstanceCounts(int total, int disabled, int blocked) {
  public static InstanceCounts of(StatusView view) {
    int total = view.unlistedInstances();
    int disabled = 0;
    int blocked = 0;
    for (ResourceView r : view.resources()) {
      if (r instanceof BundleView b) {
        for (BundleView.Replica replica : b.replicas()) {
          total += replica.instances();
          disabled += replica.shown().disabled() ? replica.instances() : 0;
        }
        continue;
      }
      for (PrimitiveView p : r.primitives()) {
        if (p.orphaned() && !p.active()) {
          continue;
        }
        total++;
        if (p.disabled()) {
          disabled++;
        }
        if (p.blocked()) {
          blocked++;
        }
      }
    }
    return new InstanceCounts(total, disabled, blocked);
  }
}
