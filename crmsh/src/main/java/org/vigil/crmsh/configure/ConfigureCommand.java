package org.vigil.crmsh.configure;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.vigil.crmsh.CrmException;
import org.vigil.crmsh.cib.CibAccess;
import org.vigil.crmsh.configure.shell.ConfigureSession;
import org.vigil.crmsh.configure.shell.LrmAgents;
import org.vigil.crmsh.configure.shell.ShellRunner;
import org.vigil.crmsh.configure.syntax.Lexer;
import org.vigil.crmsh.configure.syntax.Statement;
import org.vigil.crmsh.configure.syntax.Token;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code crm configure}: without arguments the crmsh-syntax shell (interactive on a terminal,
 * a script on standard input otherwise); with a statement, that statement committed at once.
 */
@Command(
    name = "configure",
    description = "CIB configuration in crmsh syntax: the configure shell, or one statement",
    subcommands = {ShowCommand.class, LoadCommand.class, VerifyCommand.class})
public final class ConfigureCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "STATEMENT", description = "a configure statement, e.g. primitive ...")
  List<String> words = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigureSession session = session(out, err);
    if (!words.isEmpty()) {
      return ShellRunner.script(session, List.of(statementOf(words)));
    }
    if (System.console() != null) {
      try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
        return ShellRunner.interactive(session, terminal, historyFile());
      }
    }
    String script = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    try {
      return ShellRunner.script(session, Lexer.statements(script));
    } catch (org.vigil.crmsh.configure.syntax.SyntaxError e) {
      throw new CrmException(e.getMessage() + "; nothing committed");
    }
  }

  /** A session on the CIB this crm works on (CIB_file or the live cluster). */
  public static ConfigureSession session(PrintWriter out, PrintWriter err) {
    CibAccess access = CibAccess.fromEnvironment(System.getenv(), null);
    return new ConfigureSession(access, new LrmAgents(System.getenv()), out, err, ConfigureCommand::runEditor);
  }

  /** crmsh keeps its history under the user's configuration directory. */
  static Path historyFile() {
    String xdg = System.getenv("XDG_CONFIG_HOME");
    String home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
    Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(home, ".config");
    return base.resolve("crm").resolve("history");
  }

  private static void runEditor(Path file) throws IOException, InterruptedException {
    String editor = System.getenv().getOrDefault("EDITOR", "vi");
    Process p = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "editor", file.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException("editor " + editor + " exited with " + p.exitValue());
    }
  }

  /** Command-line words (already split by the shell) as one statement; columns count from 1. */
  static Statement statementOf(List<String> words) {
    List<Token> tokens = new ArrayList<>();
    int column = 1;
    for (String w : words) {
      tokens.add(new Token(w, 1, column));
      column += w.length() + 1;
    }
    return new Statement(tokens, 1, String.join(" ", words));
  }
}
