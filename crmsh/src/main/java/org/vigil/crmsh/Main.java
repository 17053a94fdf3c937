package org.vigil.crmsh;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.crmsh.cluster.ClusterCommand;
import org.vigil.crmsh.configure.ConfigureCommand;
import org.vigil.crmsh.configure.shell.CrmScript;
import org.vigil.crmsh.node.NodeCommand;
import org.vigil.crmsh.ra.RaCommand;
import org.vigil.crmsh.resource.ResourceCommand;
import org.vigil.crmsh.simulate.SimulateCommand;
import org.vigil.crmsh.status.StatusCommand;
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
      RaCommand.class,
      ResourceCommand.class,
      SimulateCommand.class,
      StatusCommand.class,
      ClusterCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "-f", paramLabel = "FILE", description = "Run the crm commands of FILE (a crmsh script)")
  Path script;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line; the exit code is what {@code crm} exits with. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Optional<SimulateCommand> simulate = SimulateCommand.plain(args);
    if (simulate.isPresent()) {
      int rc;
      try {
        rc = simulate.get().run(out, err);
      } catch (Exception ex) {
        rc = failed(ex, err);
      }
      out.flush();
      err.flush();
      return rc;
    }
    CommandLine cl = new CommandLine(new Main());
    // crmsh words such as "-inf:" are statement words, not options; elsewhere a typo stays an error.
    cl.getSubcommands().get("configure").setUnmatchedOptionsArePositionalParams(true);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failed(ex, cmd.getErr()));
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

  /** Reports a command's failure as one line on {@code err}; the result is the exit code. */
  private static int failed(Exception ex, PrintWriter err) {
    if (ex instanceof CrmException ce) {
      err.println("ERROR: " + ce.getMessage());
      err.flush();
      return ce.exitCode();
    }
    if (ex instanceof org.vigil.cib.edit.CibEdits.NotFound nf) {
      err.println("ERROR: " + nf.getMessage());
      err.flush();
      return 1;
    }
    err.println("ERROR: " + ex);
    err.flush();
    return 1;
  }

  @Override
  public Integer call() throws IOException {
    if (script != null) {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isReadable(script)) {
        throw new CrmException("cannot read script " + script);
      }
      return CrmScript.run(Files.readString(script), () -> ConfigureCommand.session(out, err),
          args -> run(args, out, err), err);
    }
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
