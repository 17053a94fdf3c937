package org.vigil.crmsh.configure;

import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.crmsh.configure.shell.ShellRunner;
import org.vigil.crmsh.cib.CibAccess;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crm configure show xml}. */
@Command(name = "show", description = "Show the configuration in crmsh syntax (\"show xml\" for the CIB XML)")
public final class ShowCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "xml|ID", description = "xml to print the CIB XML")
  List<String> what = List.of();

  @Override
  public Integer call() {
    if (!what.contains("xml")) {
      List<String> words = new java.util.ArrayList<>(List.of("show"));
      words.addAll(what);
      var session = ConfigureCommand.session(spec.commandLine().getOut(), spec.commandLine().getErr());
      return ShellRunner.script(session, List.of(ConfigureCommand.statementOf(words)));
    }
    CibAccess access = CibAccess.fromEnvironment(System.getenv(), null);
    spec.commandLine().getOut().print(Cibs.configurationXml(access.read()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
