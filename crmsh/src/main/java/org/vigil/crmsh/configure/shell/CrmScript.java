package org.vigil.crmsh.configure.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vigil.crmsh.configure.syntax.Lexer;
import org.vigil.crmsh.configure.syntax.Statement;
import org.vigil.crmsh.configure.syntax.SyntaxError;
import org.vigil.crmsh.configure.syntax.Token;

/**
 * {@code crm -f FILE}: a crmsh script with levels. {@code configure} enters the configure
 * level (its statements run in one session, committed when the level ends and nothing
 * failed); {@code configure STATEMENT} runs one statement there; other top-level lines are
 * crm commands run as if typed on the command line.
 */
public final class CrmScript {
  private CrmScript() {}

  public static int run(String text, Supplier<ConfigureSession> sessions, Function<String[], Integer> topLevel,
      PrintWriter err) {
    List<Statement> statements;
    try {
      statements = Lexer.statements(text);
    } catch (SyntaxError e) {
      err.println("ERROR: " + e.getMessage());
      err.flush();
      return 1;
    }
    int i = 0;
    while (i < statements.size()) {
      Statement s = statements.get(i);
      if (s.keyword().equals("configure")) {
        List<Statement> level = new ArrayList<>();
        if (s.tokens().size() > 1) {
          level.add(new Statement(s.tokens().subList(1, s.tokens().size()), s.line(),
              s.text().substring(s.text().indexOf("configure") + "configure".length()).strip()));
          i++;
        } else {
          i++;
          while (i < statements.size() && !isLevelEnd(statements.get(i))) {
            level.add(statements.get(i++));
          }
          i++;
        }
        int rc = ShellRunner.script(sessions.get(), level);
        if (rc != 0) {
          return rc;
        }
      } else if (isLevelEnd(s)) {
        i++;
      } else {
        int rc = topLevel.apply(s.tokens().stream().map(Token::text).toArray(String[]::new));
        if (rc != 0) {
          err.println("ERROR: line " + s.line() + ": '" + s.text() + "' failed (exit code " + rc + ")");
          err.flush();
          return rc;
        }
        i++;
      }
    }
    return 0;
  }

  private static boolean isLevelEnd(Statement s) {
    return switch (s.keyword()) {
      case "end", "up", "quit", "exit", "bye" -> true;
      case "cd" -> s.tokens().size() == 1 || s.tokens().get(1).is("..");
      default -> false;
    };
  }
}
