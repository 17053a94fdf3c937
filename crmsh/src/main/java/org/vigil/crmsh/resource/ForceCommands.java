package org.vigil.crmsh.resource;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.cib.edit.CibEdits;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Op;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.cib.model.Template;
import org.vigil.cib.values.Durations;
import org.vigil.crmsh.CrmException;
import org.vigil.crmsh.ra.LocalAgents;
import org.vigil.lrm.AgentSpec;
import org.vigil.lrm.ExecStatus;
import org.vigil.lrm.Executor;
import org.vigil.lrm.OcfCode;
import org.vigil.lrm.OperationRequest;
import org.vigil.lrm.OperationResult;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * {@code crm resource force-start|force-stop|force-check|force-promote|force-demote RSC}:
 * runs RSC's agent on this machine with its configured parameters, bypassing the cluster,
 * and prints the result as {@code crm_resource --force-*} does; exits with the agent's code.
 */
final class ForceCommands {
  /** Pacemaker's default operation timeout. */
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
  /** crm_resource's exit code for a resource that does not exist (CRM_EX_NOSUCH). */
  private static final int NO_SUCH_OBJECT = 105;
  /** Pacemaker's exit code for a timeout (CRM_EX_TIMEOUT). */
  private static final int TIMED_OUT = 124;

  private ForceCommands() {}

  abstract static class Force implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "RSC") String rsc;

    /** The agent action: start, stop, monitor... */
    abstract String action();

    @Override
    public Integer call() {
      Cib cib = ResourceCommand.access().read();
      Resource r;
      try {
        r = CibEdits.resource(cib.configuration(), rsc);
      } catch (CibEdits.NotFound e) {
        throw new CrmException("Resource '" + rsc + "' not found", NO_SUCH_OBJECT);
      }
      if (!(r instanceof Primitive p)) {
        throw new CrmException(rsc + " is not a primitive resource: name one of the primitives in it", 2);
      }
      Primitive def = definition(cib, p);
      AgentSpec agent;
      try {
        agent = AgentSpec.parse(def.agentName());
      } catch (IllegalArgumentException e) {
        throw new CrmException(rsc + ": " + e.getMessage());
      }
      Map<String, String> params = pairs(def.instanceAttributes());
      params.putAll(pairs(p.instanceAttributes()));
      Map<String, String> meta = pairs(def.metaAttributes());
      meta.putAll(pairs(p.metaAttributes()));
      OperationRequest req = new OperationRequest(rsc, agent, action(), Duration.ZERO, timeout(cib, p, def, action()),
          params, meta);
      OperationResult result;
      try (Executor ex = LocalAgents.executor(System.getenv())) {
        result = ex.execute(req).join();
      }
      return report(result, agent);
    }

    private Integer report(OperationResult result, AgentSpec agent) {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String what = "Operation " + spec.name() + " for " + rsc + " (" + agent + ")";
      int exit;
      if (result.status() == ExecStatus.DONE) {
        String reason = result.exitReason().isEmpty() ? "" : ": " + result.exitReason();
        out.println(what + " returned " + result.rc() + " (" + result.ocfCode().text() + reason + ")");
        exit = result.rc();
      } else {
        err.println(what + " could not be executed (" + statusText(result.status()) + ": " + result.exitReason() + ")");
        exit = switch (result.status()) {
          case NOT_INSTALLED -> OcfCode.ERR_INSTALLED.code();
          case TIMED_OUT -> TIMED_OUT;
          case NOT_SUPPORTED -> OcfCode.ERR_UNIMPLEMENTED.code();
          default -> result.rc();
        };
      }
      if (!result.stdout().isEmpty()) {
        out.println(result.stdout());
      }
      if (!result.stderr().isEmpty()) {
        out.println(result.stderr());
      }
      out.flush();
      if (exit != 0) {
        err.println("Error performing operation: " + (exit == TIMED_OUT ? "Timeout occurred" : OcfCode.of(exit).exitText()));
      }
      err.flush();
      return exit;
    }
  }

  private static String statusText(ExecStatus s) {
    return switch (s) {
      case DONE -> "complete";
      case CANCELLED -> "Cancelled";
      case TIMED_OUT -> "Timed Out";
      case NOT_SUPPORTED -> "Unsupported";
      case ERROR -> "Error";
      case NOT_INSTALLED -> "Not installed";
    };
  }

  /** The primitive with its template's class, provider, type and attributes filled in. */
  private static Primitive definition(Cib cib, Primitive p) {
    if (p.template() == null) {
      return p;
    }
    for (Resource r : cib.configuration().allResources()) {
      if (r instanceof Template t && t.id().equals(p.template())) {
        return t.definition();
      }
    }
    throw new CrmException("resource " + p.id() + " refers to template " + p.template() + ", which does not exist");
  }

  /** The name/value pairs of attribute sets, the first set to name an attribute winning (rules are not evaluated). */
  private static Map<String, String> pairs(java.util.List<NvSet> sets) {
    Map<String, String> out = new LinkedHashMap<>();
    for (NvSet s : sets) {
      for (NvPair pair : s.pairs()) {
        if (pair.name() != null && pair.value() != null) {
          out.putIfAbsent(pair.name(), pair.value());
        }
      }
    }
    return out;
  }

  /**
   * The timeout of RSC's configured operation for {@code action} (for monitor, the probe
   * without interval, else the first monitor), else op_defaults' timeout, else 20 s.
   */
  private static Duration timeout(Cib cib, Primitive p, Primitive def, String action) {
    Op chosen = null;
    for (Op op : p.ops().isEmpty() ? def.ops() : p.ops()) {
      if (op.name().equals(action) && op.timeout() != null) {
        boolean probe = Durations.parseMillis(op.interval()).orElse(0L) == 0;
        if (chosen == null || probe) {
          chosen = op;
        }
      }
    }
    String text = chosen != null ? chosen.timeout() : pairs(cib.configuration().opDefaults()).get("timeout");
    if (text == null) {
      return DEFAULT_TIMEOUT;
    }
    long ms = Durations.parseMillis(text).orElseThrow(() ->
        new CrmException("timeout '" + text + "' of " + p.id() + " " + action + " is not a duration", 2));
    if (ms <= 0) {
      throw new CrmException("timeout '" + text + "' of " + p.id() + " " + action + " must be positive", 2);
    }
    return Duration.ofMillis(ms);
  }

  @picocli.CommandLine.Command(name = "force-start", description = "Run RSC's start action here, bypassing the cluster")
  static final class ForceStart extends Force {
    @Override
    String action() {
      return "start";
    }
  }

  @picocli.CommandLine.Command(name = "force-stop", description = "Run RSC's stop action here, bypassing the cluster")
  static final class ForceStop extends Force {
    @Override
    String action() {
      return "stop";
    }
  }

  @picocli.CommandLine.Command(name = "force-check", description = "Run RSC's monitor action here, bypassing the cluster")
  static final class ForceCheck extends Force {
    @Override
    String action() {
      return "monitor";
    }
  }

  @picocli.CommandLine.Command(name = "force-promote", description = "Run RSC's promote action here, bypassing the cluster")
  static final class ForcePromote extends Force {
    @Override
    String action() {
      return "promote";
    }
  }

  @picocli.CommandLine.Command(name = "force-demote", description = "Run RSC's demote action here, bypassing the cluster")
  static final class ForceDemote extends Force {
    @Override
    String action() {
      return "demote";
    }
  }
}
