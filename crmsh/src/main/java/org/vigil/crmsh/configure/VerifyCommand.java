package org.vigil.crmsh.configure;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.cib.validate.CibValidator;
import org.vigil.cib.validate.Problem;
import org.vigil.crmsh.cib.CibAccess;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code crm configure verify}: errors and warnings as crm_verify prints them; exit 1 on errors. */
@Command(name = "verify", description = "Check the configuration for errors and warnings")
public final class VerifyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CibAccess access = CibAccess.fromEnvironment(System.getenv(), null);
    List<Problem> problems = CibValidator.validate(access.read());
    PrintWriter err = spec.commandLine().getErr();
    for (Problem p : problems) {
      err.println(p);
    }
    err.flush();
    return CibValidator.hasErrors(problems) ? 1 : 0;
  }
}
