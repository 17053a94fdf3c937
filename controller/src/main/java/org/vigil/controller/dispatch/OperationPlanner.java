package org.vigil.controller.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Clone;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.Group;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Op;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.cib.model.Template;
import org.vigil.cib.values.Booleans;
import org.vigil.cib.values.Durations;
import org.vigil.controller.transition.ExpectedResult;
import org.vigil.pe.GraphAction;

/**
 * Makes a resource action of the graph concrete: the primitive is looked up in the CIB (its
 * template first, then its own definition) for its agent, parameters and meta attributes; the
 * timeout comes from the matching {@code op}, else {@code op_defaults}, else 20 s. The action's
 * {@code CRM_meta_*} and {@code notify_*} attributes from the scheduler are passed on as meta
 * attributes. Attribute sets with rules are left to the scheduler and not read here.
 */
public final class OperationPlanner {
  /** Pacemaker's default operation timeout. */
  public static final long DEFAULT_TIMEOUT_MS = 20_000;

  private OperationPlanner() {}

  /** Thrown when the action names a resource the CIB has no primitive for. */
  public static final class UnknownResource extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnknownResource(String message) {
      super(message);
    }
  }

  public static PlannedOperation plan(Cib cib, GraphAction action) {
    Configuration c = cib.configuration();
    String name = action.resource();
    int colon = name.indexOf(':');
    String baseId = colon < 0 ? name : name.substring(0, colon);
    Primitive p = c.findResource(baseId).filter(r -> r instanceof Primitive).map(r -> (Primitive) r)
        .orElseThrow(() -> new UnknownResource("resource " + baseId + " (action " + action.id() + ", "
            + action.operationKey() + ") is not a primitive in the CIB"));
    Optional<Primitive> template = Optional.ofNullable(p.template()).flatMap(c::findResource)
        .filter(r -> r instanceof Template).map(r -> ((Template) r).definition());
    Primitive agent = p.type() != null ? p : template.orElseThrow(() -> new UnknownResource(
        "resource " + baseId + " has no agent and its template " + p.template() + " does not exist"));

    Map<String, String> params = new LinkedHashMap<>();
    template.ifPresent(t -> putAll(params, t.instanceAttributes()));
    putAll(params, p.instanceAttributes());
    Optional<Clone> clone = parentClone(c, baseId);
    boolean unique = clone.map(cl -> Booleans.isTrue(first(cl.metaAttributes(), "globally-unique").orElse(null), false))
        .orElse(false);
    Map<String, String> meta = new LinkedHashMap<>();
    clone.ifPresent(cl -> putAll(meta, cl.metaAttributes()));
    template.ifPresent(t -> putAll(meta, t.metaAttributes()));
    putAll(meta, p.metaAttributes());
    if (clone.isPresent() && colon >= 0) {
      meta.put("clone", name.substring(colon + 1));
    }
    String agentAction = action.task().equals("cancel") ? "monitor" : action.task();
    List<Op> ops = new ArrayList<>(p.ops());
    template.ifPresent(t -> ops.addAll(t.ops()));
    Optional<Op> op = matchingOp(ops, agentAction, action.intervalMs());
    op.ifPresent(o -> putAll(params, o.instanceAttributes()));
    long timeout = op.flatMap(o -> Durations.parseMillis(o.timeout()))
        .or(() -> first(c.opDefaults(), "timeout").flatMap(Durations::parseMillis))
        .filter(ms -> ms > 0).orElse(DEFAULT_TIMEOUT_MS);

    for (Map.Entry<String, String> e : action.attributes().entrySet()) {
      if (e.getKey().startsWith("CRM_meta_")) {
        meta.put(e.getKey().substring("CRM_meta_".length()), e.getValue());
      } else if (e.getKey().startsWith("notify_")) {
        meta.put(e.getKey(), e.getValue());
      }
    }
    meta.put("op_target_rc", Integer.toString(ExpectedResult.targetRc(action)));
    if (action.node() != null) {
      meta.put("on_node", action.node());
    }
    String resourceId = unique || colon < 0 ? name : baseId;
    return new PlannedOperation(resourceId, agent.resourceClass(), agent.provider(), agent.type(), action.task(),
        action.intervalMs(), timeout, params, meta);
  }

  /**
   * The op definition for an action: same name and interval; a probe (monitor, interval 0)
   * without one of its own takes the timeout of the first recurring monitor.
   */
  static Optional<Op> matchingOp(List<Op> ops, String task, long intervalMs) {
    for (Op o : ops) {
      if (task.equals(o.name()) && intervalMs == Durations.parseMillis(o.interval() == null ? "0" : o.interval())
          .orElse(-1L)) {
        return Optional.of(o);
      }
    }
    if (task.equals("monitor") && intervalMs == 0) {
      return ops.stream().filter(o -> "monitor".equals(o.name())).findFirst();
    }
    return Optional.empty();
  }

  private static Optional<Clone> parentClone(Configuration c, String primitiveId) {
    for (Resource r : c.allResources()) {
      if (r instanceof Clone cl && (cl.child().id().equals(primitiveId)
          || cl.child() instanceof Group g && g.members().stream().anyMatch(m -> m.id().equals(primitiveId)))) {
        return Optional.of(cl);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> first(List<NvSet> sets, String name) {
    for (NvSet s : sets) {
      if (s.rule() == null) {
        Optional<String> v = s.get(name);
        if (v.isPresent()) {
          return v;
        }
      }
    }
    return Optional.empty();
  }

  /** Adds the pairs of rule-less sets; a later definition overrides an earlier one's. */
  private static void putAll(Map<String, String> into, List<NvSet> sets) {
    Map<String, String> these = new LinkedHashMap<>();
    for (NvSet s : sets) {
      if (s.rule() == null) {
        for (NvPair pair : s.pairs()) {
          if (pair.name() != null && pair.value() != null) {
            these.putIfAbsent(pair.name(), pair.value());
          }
        }
      }
    }
    into.putAll(these);
  }
}
