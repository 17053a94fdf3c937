package org.vigil.crmsh.resource;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.cib.edit.CibEdits;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Constraint;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Resource;
import org.vigil.crmsh.CrmException;
import org.vigil.crmsh.cib.CibAccess;
import org.vigil.crmsh.cib.CibEditor;
import org.vigil.crmsh.cib.FileCibAccess;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crm resource ...}, with crmsh's syntax and meaning. */
@Command(
    name = "resource",
    description = "Resource management",
    mixinStandardHelpOptions = true,
    subcommands = {
      ResourceCommand.Start.class,
      ResourceCommand.Stop.class,
      ResourceCommand.Manage.class,
      ResourceCommand.Unmanage.class,
      ResourceCommand.Restart.class,
      ResourceCommand.Locate.class,
      ResourceCommand.Move.class,
      ResourceCommand.Ban.class,
      ResourceCommand.Clear.class,
      ResourceCommand.Cleanup.class,
      ResourceCommand.Failcount.class,
      ResourceCommand.Meta.class,
      ResourceCommand.Param.class,
      ForceCommands.ForceStart.class,
      ForceCommands.ForceStop.class,
      ForceCommands.ForceCheck.class,
      ForceCommands.ForcePromote.class,
      ForceCommands.ForceDemote.class
    })
public final class ResourceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static CibAccess access() {
    return CibAccess.fromEnvironment(System.getenv(), null);
  }

  static void setMeta(List<String> resources, String name, String value) {
    CibEditor.edit(access(), cib -> {
      var conf = cib.configuration();
      for (String r : resources) {
        conf = CibEdits.setMetaAttribute(conf, r, name, value);
      }
      return cib.withConfiguration(conf);
    });
  }

  /** A command that sets one meta attribute to a fixed value on every resource named. */
  abstract static class MetaSetter implements Runnable {
    private final String name;
    private final String value;
    @Parameters(arity = "1..*", paramLabel = "RSC") List<String> resources;

    MetaSetter(String name, String value) {
      this.name = name;
      this.value = value;
    }

    @Override
    public void run() {
      setMeta(resources, name, value);
    }
  }

  @Command(name = "start", description = "Start resources (target-role=Started)")
  static final class Start extends MetaSetter {
    Start() {
      super("target-role", "Started");
    }
  }

  @Command(name = "stop", description = "Stop resources (target-role=Stopped)")
  static final class Stop extends MetaSetter {
    Stop() {
      super("target-role", "Stopped");
    }
  }

  @Command(name = "manage", description = "Let the cluster manage a resource again (is-managed=true)")
  static final class Manage extends MetaSetter {
    Manage() {
      super("is-managed", "true");
    }
  }

  @Command(name = "unmanage", description = "Leave a resource alone (is-managed=false)")
  static final class Unmanage extends MetaSetter {
    Unmanage() {
      super("is-managed", "false");
    }
  }

  @Command(name = "locate", description = "Show the nodes where resources run")
  static final class Locate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(arity = "1..*", paramLabel = "RSC") List<String> resources;

    @Override
    public Integer call() {
      Cib cib = access().read();
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      for (String rsc : resources) {
        CibEdits.resource(cib.configuration(), rsc);
        Locations where = Locations.of(cib, rsc);
        // as crm_resource --locate: the "NOT running" line goes to standard error
        (where.running() ? out : err).println(String.join("\n", where.lines()));
      }
      out.flush();
      err.flush();
      return 0;
    }
  }

  @Command(name = "restart", description = "Stop resources, wait until they are stopped, start them again")
  static final class Restart implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
        description = "How long to wait for the stop (default ${DEFAULT-VALUE})")
    long timeoutSeconds;
    @Parameters(arity = "1..*", paramLabel = "RSC") List<String> resources;

    @Override
    public Integer call() throws InterruptedException {
      CibAccess access = access();
      if (access instanceof FileCibAccess) {
        throw new CrmException("restart needs a running cluster: with CIB_file nothing stops or starts; "
            + "use 'crm resource stop' and 'crm resource start'", 2);
      }
      Cib before = access.read();
      for (String rsc : resources) {
        CibEdits.resource(before.configuration(), rsc);
      }
      PrintWriter out = spec.commandLine().getOut();
      for (String rsc : resources) {
        out.println("INFO: ordering " + rsc + " to stop");
      }
      out.flush();
      setMeta(resources, "target-role", "Stopped");
      long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
      List<String> running = stillRunning(access.read());
      while (!running.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new CrmException("restart: " + String.join(", ", running) + " still running after "
              + timeoutSeconds + " s; left with target-role=Stopped: start again with 'crm resource start "
              + String.join(" ", resources) + "'", 1);
        }
        Thread.sleep(250);
        running = stillRunning(access.read());
      }
      for (String rsc : resources) {
        out.println("INFO: ordering " + rsc + " to start");
      }
      out.flush();
      setMeta(resources, "target-role", "Started");
      return 0;
    }

    private List<String> stillRunning(Cib cib) {
      List<String> out = new ArrayList<>();
      for (String rsc : resources) {
        if (Locations.of(cib, rsc).running()) {
          out.add(rsc);
        }
      }
      return out;
    }
  }

  @Command(name = "move", aliases = "migrate", description = "Move a resource to a node (a cli-prefer constraint)")
  static final class Move implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "RSC") String rsc;
    @Parameters(index = "1", arity = "0..1", paramLabel = "NODE") String node;

    @Override
    public Integer call() {
      if (node == null) {
        throw new CrmException("move without a node is not available with a CIB file: name the target node", 2);
      }
      CibEditor.edit(access(), cib -> {
        CibEdits.resource(cib.configuration(), rsc);
        CibEdits.node(cib.configuration(), node);
        return cib.withConfiguration(CibEdits.putConstraint(cib.configuration(), CibEdits.preferConstraint(rsc, node)));
      });
      PrintWriter out = spec.commandLine().getOut();
      out.println("INFO: Move constraint created for " + rsc + " to " + node);
      out.println("INFO: Use `crm resource clear " + rsc + "` to remove this constraint");
      out.flush();
      return 0;
    }
  }

  @Command(name = "ban", description = "Keep a resource off a node (a cli-ban constraint)")
  static final class Ban implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "RSC") String rsc;
    @Parameters(index = "1", arity = "0..1", paramLabel = "NODE") String node;

    @Override
    public Integer call() {
      if (node == null) {
        throw new CrmException("ban without a node is not available with a CIB file: name the node", 2);
      }
      CibEditor.edit(access(), cib -> {
        CibEdits.resource(cib.configuration(), rsc);
        CibEdits.node(cib.configuration(), node);
        return cib.withConfiguration(CibEdits.putConstraint(cib.configuration(), CibEdits.banConstraint(rsc, node)));
      });
      PrintWriter err = spec.commandLine().getErr();
      err.println("WARNING: Creating rsc_location constraint 'cli-ban-" + rsc + "-on-" + node
          + "' with a score of -INFINITY for resource " + rsc + " on " + node + ".");
      err.println("\tThis will prevent " + rsc + " from running on " + node
          + " until the constraint is removed using the clear option or by editing the CIB with an appropriate tool");
      err.println("\tThis will be the case even if " + node + " is the last node in the cluster");
      err.flush();
      return 0;
    }
  }

  @Command(name = "clear", aliases = {"unmove", "unmigrate", "unban"}, description = "Remove move and ban constraints")
  static final class Clear implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "RSC") String rsc;

    @Override
    public Integer call() {
      List<String> removed = new ArrayList<>();
      CibEditor.edit(access(), cib -> {
        CibEdits.resource(cib.configuration(), rsc);
        for (Constraint k : cib.configuration().constraints()) {
          if (CibEdits.cliConstraintsOf(rsc).test(k)) {
            removed.add(k.id());
          }
        }
        return cib.withConfiguration(CibEdits.removeConstraints(cib.configuration(), CibEdits.cliConstraintsOf(rsc)));
      });
      PrintWriter out = spec.commandLine().getOut();
      for (String id : removed) {
        out.println("INFO: Removed migration constraint " + id);
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "cleanup", aliases = "refresh", description = "cleanup [RSC] [NODE]: forget failures and history")
  static final class Cleanup implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", paramLabel = "RSC") String rsc;
    @Parameters(index = "1", arity = "0..1", paramLabel = "NODE") String node;

    @Override
    public Integer call() {
      List<String> lines = new ArrayList<>();
      CibEditor.edit(access(), cib -> {
        List<String> rscs = new ArrayList<>();
        if (rsc == null) {
          cib.configuration().allResources().forEach(r -> rscs.add(r.id()));
        } else {
          for (Resource r : CibEdits.resource(cib.configuration(), rsc).selfAndDescendants()) {
            rscs.add(r.id());
          }
        }
        List<String> nodes = new ArrayList<>();
        if (node == null) {
          cib.configuration().nodes().forEach(n -> nodes.add(n.uname()));
        } else {
          nodes.add(CibEdits.node(cib.configuration(), node).uname());
        }
        for (String n : nodes) {
          lines.add("Cleaned up " + (rsc == null ? "all resources" : rsc) + " on " + n);
        }
        return CibEdits.cleanup(cib, rscs, nodes);
      });
      PrintWriter out = spec.commandLine().getOut();
      lines.forEach(out::println);
      out.flush();
      return 0;
    }
  }

  @Command(name = "failcount", description = "failcount RSC set NODE VALUE | delete NODE | show NODE")
  static final class Failcount implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "RSC") String rsc;
    @Parameters(index = "1", paramLabel = "set|delete|show") String verb;
    @Parameters(index = "2", paramLabel = "NODE") String node;
    @Parameters(index = "3", arity = "0..1", paramLabel = "VALUE") String value;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      switch (verb) {
        case "set" -> {
          if (value == null || !value.matches("[0-9]+|INFINITY")) {
            throw new CrmException("failcount set needs a value (a number or INFINITY)", 2);
          }
          CibEditor.edit(access(), cib -> {
            CibEdits.resource(cib.configuration(), rsc);
            Cib out2 = cib;
            for (NvPair p : CibEdits.transientAttributes(cib, node, CibEdits.failureAttributesOf(rsc))) {
              if (p.name().startsWith("fail-count-")) {
                out2 = CibEdits.setTransientAttribute(out2, node, p.name(), null);
              }
            }
            return value.equals("0") ? out2 : CibEdits.setTransientAttribute(out2, node, "fail-count-" + rsc, value);
          });
        }
        case "delete" -> CibEditor.edit(access(), cib -> {
          CibEdits.resource(cib.configuration(), rsc);
          Cib out2 = cib;
          for (NvPair p : CibEdits.transientAttributes(cib, node, CibEdits.failureAttributesOf(rsc))) {
            out2 = CibEdits.setTransientAttribute(out2, node, p.name(), null);
          }
          return out2;
        });
        case "show" -> {
          Cib cib = access().read();
          long total = 0;
          try {
            CibEdits.resource(cib.configuration(), rsc);
            for (NvPair p : CibEdits.transientAttributes(cib, node, n -> n.equals("fail-count-" + rsc)
                || n.startsWith("fail-count-" + rsc + "#"))) {
              total = p.value() != null && p.value().equals("INFINITY")
                  ? 1_000_000 : total + Long.parseLong(p.value() == null ? "0" : p.value().trim());
            }
          } catch (CibEdits.NotFound e) {
            throw new CrmException(e.getMessage());
          } catch (NumberFormatException e) {
            throw new CrmException("fail count of " + rsc + " on " + node + " is not a number");
          }
          out.println("scope=status  name=fail-count-" + rsc + " value=" + (total >= 1_000_000 ? "INFINITY" : total));
        }
        default -> throw new CrmException("failcount: unknown action '" + verb + "' (set, delete or show)", 2);
      }
      out.flush();
      return 0;
    }
  }

  /** {@code meta RSC set|delete|show NAME [VALUE]} and {@code param ...} share their shape. */
  abstract static class AttributeVerb implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "RSC") String rsc;
    @Parameters(index = "1", paramLabel = "set|delete|show") String verb;
    @Parameters(index = "2", paramLabel = "NAME") String name;
    @Parameters(index = "3", arity = "0..1", paramLabel = "VALUE") String value;

    abstract boolean meta();

    @Override
    public Integer call() {
      switch (verb) {
        case "set", "delete" -> {
          if (verb.equals("set") && value == null) {
            throw new CrmException(verb + " needs a value", 2);
          }
          String v = verb.equals("set") ? value : null;
          CibEditor.edit(access(), cib -> cib.withConfiguration(meta()
              ? CibEdits.setMetaAttribute(cib.configuration(), rsc, name, v)
              : CibEdits.setInstanceAttribute(cib.configuration(), rsc, name, v)));
        }
        case "show" -> {
          Resource r;
          try {
            r = CibEdits.resource(access().read().configuration(), rsc);
          } catch (CibEdits.NotFound e) {
            throw new CrmException(e.getMessage());
          }
          for (NvSet s : meta() ? r.metaAttributes() : r.instanceAttributes()) {
            var v = s.get(name);
            if (v.isPresent()) {
              spec.commandLine().getOut().println(v.get());
              spec.commandLine().getOut().flush();
              return 0;
            }
          }
          throw new CrmException("resource " + rsc + " has no " + (meta() ? "meta attribute " : "parameter ") + name, 6);
        }
        default -> throw new CrmException("unknown action '" + verb + "' (set, delete or show)", 2);
      }
      return 0;
    }
  }

  @Command(name = "meta", description = "meta RSC set NAME VALUE | delete NAME | show NAME")
  static final class Meta extends AttributeVerb {
    @Override
    boolean meta() {
      return true;
    }
  }

  @Command(name = "param", description = "param RSC set NAME VALUE | delete NAME | show NAME")
  static final class Param extends AttributeVerb {
    @Override
    boolean meta() {
      return false;
    }
  }

}
