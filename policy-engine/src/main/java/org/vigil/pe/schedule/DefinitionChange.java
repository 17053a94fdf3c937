package org.vigil.pe.schedule;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Op;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.values.Durations;
import org.vigil.pe.rules.RuleContext;
import org.vigil.pe.status.ClusterStatus;
import org.vigil.pe.status.NodeHistory;

/**
 * What a change of a resource's parameters since it last started on a node asks for. The
 * start record carries the digest of the parameters it ran with ({@code op-digest}); when the
 * parameters configured now digest differently, the resource is reloaded if only parameters
 * the agent can reload changed (the record lists those that force a restart in {@code
 * op-force-restart}, with their digest in {@code op-restart-digest}, which covers every
 * parameter when none is listed), else restarted. A start
 * still in flight, or one whose operation definition carries parameters of its own, cannot be
 * reloaded. Recurring monitors are checked the same way, with the operation's timeout among
 * their parameters.
 */
enum DefinitionChange {
  NONE,
  /** Only reloadable parameters changed: reload in place. */
  RELOAD,
  /** A parameter that forces a restart changed. */
  RESTART,
  /**
   * Start afresh, a restart given no reason: the parameters changed while the start was still
   * in flight, or the history was recorded for another agent (class, provider or type).
   */
  RESTART_AFRESH;

  private static final int EXEC_PENDING = -1;
  private static final String UNSET = "#default";
  /** Pacemaker's default operation timeout, in the digest of a recurring monitor without one. */
  private static final long DEFAULT_TIMEOUT_MS = 20_000;

  /**
   * What the history of {@code p} on a node (its attributes in {@code ctx}) asks for; {@code
   * recorded} is the history's {@code lrm_resource} (null if unknown).
   */
  static DefinitionChange of(Digests digests, Primitive p, List<List<NvSet>> inherited, NodeHistory h,
      LrmResource recorded, RuleContext ctx) {
    if (recorded != null && agentChanged(p, recorded)) {
      return RESTART_AFRESH;
    }
    LrmRscOp start = lastStart(h.ops());
    if (start == null || start.opDigest() == null) {
      return NONE;
    }
    Op definition = definition(p, start.operation(), 0);
    Map<String, String> params = params(p, inherited, definition, ctx);
    if (digests.of(params).equals(start.opDigest()) || secureDigestMatches(digests, start, params)) {
      return NONE;
    }
    if (pending(start)) {
      return RESTART_AFRESH;
    }
    String restartDigest = start.attr("op-restart-digest");
    boolean opParams = definition != null && !definition.instanceAttributes().isEmpty();
    if (restartDigest == null || opParams) {
      return RESTART;
    }
    // the restart digest covers the parameters listed as forcing a restart, all of them
    // when the record lists none
    String forced = start.attr("op-force-restart");
    Map<String, String> forcing = forced == null ? params : new HashMap<>();
    for (String name : forced == null ? new String[0] : forced.trim().split("\\s+")) {
      if (params.containsKey(name)) {
        forcing.put(name, params.get(name));
      }
    }
    return digests.of(forcing).equals(restartDigest) ? RELOAD : RESTART;
  }

  /**
   * A history whose secrets were masked (a fencing device's password shown as {@code ****})
   * is judged, as crm_simulate judges it, by its secure digest: the parameters without the
   * secret ones ({@code op-secure-params}) and without the fencer's own {@code pcmk_*} ones.
   */
  private static boolean secureDigestMatches(Digests digests, LrmRscOp start, Map<String, String> params) {
    String secureDigest = start.attr("op-secure-digest");
    String secret = start.attr("op-secure-params");
    if (secureDigest == null || secret == null) {
      return false;
    }
    Map<String, String> open = new HashMap<>(params);
    for (String name : secret.trim().split("\\s+")) {
      open.remove(name);
    }
    open.keySet().removeIf(name -> name.startsWith("pcmk_"));
    return digests.of(open).equals(secureDigest);
  }

  /**
   * Whether the recorded run of a recurring monitor used other parameters (or another
   * timeout) than the ones configured now; a record without a digest is taken as current.
   */
  static boolean monitorChanged(Digests digests, Primitive p, List<List<NvSet>> inherited, LrmRscOp monitor,
      Op definition, RuleContext ctx, long defaultTimeoutMs) {
    if (monitor.opDigest() == null) {
      return false;
    }
    Map<String, String> params = params(p, inherited, definition, ctx);
    long timeout = definition == null || definition.timeout() == null
        ? defaultTimeoutMs
        : Durations.parseMillis(definition.timeout()).orElse(defaultTimeoutMs);
    params.put("CRM_meta_timeout", Long.toString(timeout));
    return !digests.of(params).equals(monitor.opDigest());
  }

  /**
   * Whether a failure recorded in {@code h} (other than a stop's) ran with parameters that
   * differ from the ones configured now: its fail count then belongs to a definition that is
   * gone, and Pacemaker neither holds it against the node nor keeps it.
   */
  static boolean failureOutdated(Digests digests, Primitive p, List<List<NvSet>> inherited, NodeHistory h,
      RuleContext ctx, long defaultTimeoutMs) {
    for (LrmRscOp op : h.ops()) {
      String task = op.operation() == null ? "" : op.operation();
      if (op.opDigest() == null || task.equals("stop") || !ClusterStatus.isFailure(op)) {
        continue;
      }
      Op definition = definition(p, task, op.intervalMs());
      boolean changed = op.intervalMs() > 0
          ? monitorChanged(digests, p, inherited, op, definition, ctx, defaultTimeoutMs)
          : !digests.of(params(p, inherited, definition, ctx)).equals(op.opDigest());
      if (changed) {
        return true;
      }
    }
    return false;
  }

  static long defaultTimeoutMs(Map<String, String> opDefaults) {
    String t = opDefaults.get("timeout");
    return t == null ? DEFAULT_TIMEOUT_MS : Durations.parseMillis(t).orElse(DEFAULT_TIMEOUT_MS);
  }

  /**
   * The resource's parameters, those of its group and clone ({@code inherited}, closest first)
   * where it has none of its own, with the operation definition's own on top; a value of
   * {@code #default} unsets a parameter.
   */
  private static Map<String, String> params(Primitive p, List<List<NvSet>> inherited, Op definition,
      RuleContext ctx) {
    Map<String, String> params = new LinkedHashMap<>(ClusterStatus.firstWins(p.instanceAttributes(), ctx));
    for (List<NvSet> sets : inherited) {
      ClusterStatus.firstWins(sets, ctx).forEach(params::putIfAbsent);
    }
    if (definition != null) {
      params.putAll(ClusterStatus.firstWins(definition.instanceAttributes(), ctx));
    }
    params.values().removeIf(UNSET::equals);
    return params;
  }

  private static boolean agentChanged(Primitive p, LrmResource recorded) {
    return p.template() == null
        && (!Objects.equals(p.resourceClass(), recorded.resourceClass())
            || !Objects.equals(p.type(), recorded.type())
            || !Objects.equals(p.provider(), recorded.provider()));
  }

  /** The last start (or migrate_from) not undone by a stop; a start in flight counts. */
  private static LrmRscOp lastStart(List<LrmRscOp> ops) {
    LrmRscOp last = null;
    for (LrmRscOp op : ops) {
      String task = op.operation() == null ? "" : op.operation();
      if (task.equals("stop")) {
        last = null;
      } else if ((task.equals("start") || task.equals("migrate_from")) && (pending(op) || op.rc() == 0)) {
        last = op;
      }
    }
    return last;
  }

  private static boolean pending(LrmRscOp op) {
    return op.status() == EXEC_PENDING;
  }

  /** The operation definition of {@code task} with that interval (the first such). */
  static Op definition(Primitive p, String task, long intervalMs) {
    for (Op op : p.ops()) {
      if (task.equals(op.name()) && Durations.parseMillis(op.interval()).orElse(0L) == intervalMs) {
        return op;
      }
    }
    return null;
  }
}
