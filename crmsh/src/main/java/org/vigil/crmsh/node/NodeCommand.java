package org.vigil.crmsh.node;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vigil.cib.edit.CibEdits;
import org.vigil.cib.model.Cib;
import org.vigil.crmsh.CrmException;
import org.vigil.crmsh.cib.CibAccess;
import org.vigil.crmsh.cib.CibEditor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crm node ...}, with crmsh's meaning. */
@Command(
    name = "node",
    description = "Node management: standby, online, maintenance, ready, attribute",
    mixinStandardHelpOptions = true,
    subcommands = {
      NodeCommand.Standby.class,
      NodeCommand.Online.class,
      NodeCommand.Maintenance.class,
      NodeCommand.Ready.class,
      NodeCommand.Attribute.class
    })
public final class NodeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static CibAccess access() {
    return CibAccess.fromEnvironment(System.getenv(), null);
  }

  /** The node named, or an error: a CIB file has no "this node". */
  static String nodeOrError(String node) {
    if (node == null) {
      throw new CrmException("no node given, and a CIB file has no local node: name the node", 2);
    }
    return node;
  }

  /** Sets a node attribute permanently ("forever", crmsh's default) or until reboot ("reboot"). */
  static void setAttribute(String node, String name, String value, String lifetime) {
    String n = nodeOrError(node);
    if (lifetime != null && !lifetime.equals("forever") && !lifetime.equals("reboot")) {
      throw new CrmException("lifetime must be 'forever' or 'reboot', not '" + lifetime + "'", 2);
    }
    boolean transientOnly = "reboot".equals(lifetime);
    CibEditor.edit(access(), cib -> transientOnly
        ? CibEdits.setTransientAttribute(cib, n, name, value)
        : cib.withConfiguration(CibEdits.setNodeAttribute(cib.configuration(), n, name, value)));
  }

  @Command(name = "standby", description = "Put a node in standby: its resources move away")
  static final class Standby implements Runnable {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NODE") String node;
    @Parameters(index = "1", arity = "0..1", paramLabel = "LIFETIME", description = "forever (default) or reboot") String lifetime;

    @Override
    public void run() {
      setAttribute(node, "standby", "on", lifetime);
    }
  }

  @Command(name = "online", description = "Bring a node back from standby")
  static final class Online implements Runnable {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NODE") String node;

    @Override
    public void run() {
      String n = nodeOrError(node);
      CibEditor.edit(access(), cib -> {
        Cib out = cib.withConfiguration(CibEdits.setNodeAttribute(cib.configuration(), n, "standby", "off"));
        boolean transientStandby = !CibEdits.transientAttributes(out, n, "standby"::equals).isEmpty();
        return transientStandby ? CibEdits.setTransientAttribute(out, n, "standby", "off") : out;
      });
    }
  }

  @Command(name = "maintenance", description = "Put a node in maintenance mode: its resources are left alone")
  static final class Maintenance implements Runnable {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NODE") String node;

    @Override
    public void run() {
      setAttribute(node, "maintenance", "on", null);
    }
  }

  @Command(name = "ready", description = "Take a node out of maintenance mode")
  static final class Ready implements Runnable {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NODE") String node;

    @Override
    public void run() {
      setAttribute(node, "maintenance", "off", null);
    }
  }

  @Command(name = "attribute", description = "attribute NODE set NAME VALUE | delete NAME | show NAME")
  static final class Attribute implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "NODE") String node;
    @Parameters(index = "1", paramLabel = "set|delete|show") String verb;
    @Parameters(index = "2", paramLabel = "NAME") String name;
    @Parameters(index = "3", arity = "0..1", paramLabel = "VALUE") String value;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      switch (verb) {
        case "set" -> {
          if (value == null) {
            throw new CrmException("attribute set needs a value", 2);
          }
          setAttribute(node, name, value, null);
        }
        case "delete" -> setAttribute(node, name, null, null);
        case "show" -> {
          Cib cib = access().read();
          String v;
          try {
            v = CibEdits.nodeAttribute(cib.configuration(), node, name).orElse(null);
          } catch (CibEdits.NotFound e) {
            throw new CrmException(e.getMessage());
          }
          if (v == null) {
            throw new CrmException("node " + node + " has no attribute " + name, 6);
          }
          out.println("scope=nodes  name=" + name + " value=" + v);
        }
        default -> throw new CrmException("attribute: unknown action '" + verb + "' (set, delete or show)", 2);
      }
      out.flush();
      return 0;
    }
  }
}
