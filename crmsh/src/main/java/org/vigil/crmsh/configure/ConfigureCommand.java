package org.vigil.crmsh.configure;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code crm configure ...}. */
@Command(
    name = "configure",
    description = "CIB configuration: show, load, verify",
    mixinStandardHelpOptions = true,
    subcommands = {ShowCommand.class, LoadCommand.class, VerifyCommand.class})
public final class ConfigureCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
