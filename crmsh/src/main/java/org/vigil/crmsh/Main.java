package org.vigil.crmsh;

import java.io.PrintWriter;
import org.vigil.crmsh.cluster.ClusterCommand;
import org.vigil.crmsh.configure.ConfigureCommand;
import org.vigil.crmsh.node.NodeCommand;
import org.vigil.crmsh.resource.ResourceCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code crm}: Vigil's cluster shell, with crmsh's command names. */
@Command(
    name = "crm",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Vigil cluster shell (crmsh-compatible). With CIB_file=PATH, commands work on that CIB file.",
    subcommands = {
      ConfigureCommand.class,
      NodeCommand.class,
      ResourceCommand.class,
      ClusterCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line; the exit code is what {@code crm} exits with. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof CrmException ce) {
        cmd.getErr().println("ERROR: " + ce.getMessage());
        cmd.getErr().flush();
        return ce.exitCode();
      }
      cmd.getErr().println("ERROR: " + ex);
      cmd.getErr().flush();
      return 1;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("ERROR: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Usage: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " ... (see 'crm help')");
      ex.getCommandLine().getErr().flush();
      return 2;
    });
    int rc = cl.execute(args);
    out.flush();
    err.flush();
    return rc;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
