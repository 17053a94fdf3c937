package org.vigil.crmsh.ra;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.crmsh.CrmException;
import org.vigil.lrm.AgentCatalog;
import org.vigil.lrm.AgentClass;
import org.vigil.lrm.AgentSpec;
import org.vigil.lrm.Executor;
import org.vigil.lrm.MetadataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crm ra ...}: the resource agents installed on this machine. */
@Command(
    name = "ra",
    description = "Resource Agents (RA) lists and documentation",
    mixinStandardHelpOptions = true,
    subcommands = {RaCommand.Classes.class, RaCommand.ListAgents.class, RaCommand.Info.class,
      RaCommand.Providers.class})
public final class RaCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "classes", description = "List classes and providers")
  static final class Classes implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Executor ex = LocalAgents.executor(System.getenv())) {
        AgentCatalog catalog = ex.catalog();
        PrintWriter out = spec.commandLine().getOut();
        for (AgentClass c : catalog.classes()) {
          out.println(c == AgentClass.OCF ? "ocf / " + String.join(" ", catalog.providers()) : c.text());
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "list", description = "list CLASS [PROVIDER]: list agents of a class")
  static final class ListAgents implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CLASS") String className;
    @Parameters(index = "1", arity = "0..1", paramLabel = "PROVIDER") String provider;

    @Override
    public Integer call() {
      AgentClass c;
      try {
        c = AgentClass.parse(className);
      } catch (IllegalArgumentException e) {
        throw new CrmException("ra.list: class " + className + " does not exist");
      }
      try (Executor ex = LocalAgents.executor(System.getenv())) {
        if (provider != null && (c != AgentClass.OCF || !ex.catalog().providers().contains(provider))) {
          throw new CrmException("ra.list: no provider " + provider + " for class " + className);
        }
        List<String> names = ex.catalog().agents(c, provider);
        spec.commandLine().getOut().print(RaFormat.columns(names));
        spec.commandLine().getOut().flush();
      } catch (AgentCatalog.AgentClassUnavailableException e) {
        throw new CrmException("ra.list: " + e.getMessage());
      }
      return 0;
    }
  }

  @Command(name = "info", aliases = "meta", description = "info [CLASS:[PROVIDER:]]TYPE: show the agent's meta-data")
  static final class Info implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "AGENT") String agent;

    @Override
    public Integer call() {
      AgentSpec a;
      try {
        a = AgentSpec.parse(agent);
      } catch (IllegalArgumentException e) {
        throw new CrmException("ra.info: " + e.getMessage());
      }
      try (Executor ex = LocalAgents.executor(System.getenv())) {
        spec.commandLine().getOut().print(RaFormat.info(a.toString(), ex.metadata(a)));
        spec.commandLine().getOut().flush();
      } catch (MetadataException e) {
        throw new CrmException("ra.info: " + e.getMessage());
      }
      return 0;
    }
  }

  @Command(name = "providers", description = "providers TYPE: the OCF providers of an agent")
  static final class Providers implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "TYPE") String type;

    @Override
    public Integer call() {
      try (Executor ex = LocalAgents.executor(System.getenv())) {
        AgentCatalog catalog = ex.catalog();
        List<String> found = catalog.providers().stream()
            .filter(p -> catalog.agents(AgentClass.OCF, p).contains(type)).toList();
        spec.commandLine().getOut().println(String.join(" ", found));
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }
}
