package org.vigil.crmsh.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.cib.model.Role;
import org.vigil.pe.render.CloneView;
import org.vigil.pe.render.GroupView;
import org.vigil.pe.render.PrimitiveView;
import org.vigil.pe.render.ResourceView;
import org.vigil.pe.render.StatusView;

/** What {@code crm cluster demo} asks of the sample services, as pure functions of the status. */
final class DemoServices {
  private DemoServices() {}

  /**
   * What does not run yet, one phrase per resource ("vip (Stopped)", "ping-clone (2 of 3
   * started)"); empty once every primitive runs healthy on one node and every clone has an instance
   * on every online node that may run resources (up to clone-max).
   */
  static List<String> notStarted(StatusView view) {
    long usable = view.nodes().stream().filter(n -> n.online() && !n.standby() && !n.maintenance()).count();
    List<String> out = new ArrayList<>();
    for (ResourceView r : view.resources()) {
      if (r instanceof CloneView clone) {
        long running = clone.primitives().stream().filter(DemoServices::healthy).count();
        long wanted = Math.min(usable, clone.maxInstances());
        if (running < wanted) {
          out.add(clone.id() + " (" + running + " of " + wanted + " started)");
        }
      } else {
        for (PrimitiveView p : r.primitives()) {
          if (!healthy(p)) {
            out.add(p.id() + " (" + describe(p) + ")");
          }
        }
      }
    }
    return out;
  }

  /** Whether any primitive is active anywhere. */
  static boolean anyActive(StatusView view) {
    return view.resources().stream().flatMap(r -> r.primitives().stream()).anyMatch(PrimitiveView::active);
  }

  /** The node a group or primitive called {@code id} runs on, when it runs on exactly one. */
  static Optional<String> nodeOf(StatusView view, String id) {
    for (ResourceView r : view.resources()) {
      if (r.id().equals(id) && (r instanceof GroupView || r instanceof PrimitiveView)) {
        List<String> nodes = r.primitives().stream().flatMap(p -> p.nodes().stream()).distinct().toList();
        return nodes.size() == 1 ? Optional.of(nodes.get(0)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean healthy(PrimitiveView p) {
    return p.nodes().size() == 1 && !p.failed() && p.pendingTask() == null
        && (p.role() == Role.STARTED || p.role() == Role.PROMOTED || p.role() == Role.UNPROMOTED);
  }

  private static String describe(PrimitiveView p) {
    if (p.failed()) {
      return "FAILED";
    }
    if (p.pendingTask() != null) {
      return p.pendingTask() + " pending";
    }
    if (p.nodes().size() > 1) {
      return "active on " + p.nodes();
    }
    return p.nodes().isEmpty() ? "Stopped" : p.role().text();
  }
}
