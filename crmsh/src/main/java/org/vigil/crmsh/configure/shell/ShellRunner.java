package org.vigil.crmsh.configure.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.vigil.crmsh.configure.syntax.Lexer;
import org.vigil.crmsh.configure.syntax.Statement;
import org.vigil.crmsh.configure.syntax.SyntaxError;

/**
 * Runs a {@link ConfigureSession}: interactively on a terminal (prompt, history, completion,
 * {@code \} continuation) or over a script, where the first error stops everything and
 * nothing is committed.
 */
public final class ShellRunner {
  private ShellRunner() {}

  /** The prompt crmsh shows: {@code crm(live/HOST)configure# }. */
  public static String prompt() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost";
    }
    int dot = host.indexOf('.');
    return "crm(live/" + (dot > 0 ? host.substring(0, dot) : host) + ")configure# ";
  }

  /** The interactive loop; returns the exit code. */
  public static int interactive(ConfigureSession session, Terminal terminal, Path historyFile) {
    try {
      java.nio.file.Files.createDirectories(historyFile.getParent());
    } catch (IOException e) {
      terminal.writer().println("WARNING: cannot create " + historyFile.getParent() + ": history will not be kept");
    }
    DefaultParser parser = new DefaultParser();
    parser.setEofOnEscapedNewLine(true);
    parser.setEofOnUnclosedQuote(true);
    LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("crm").parser(parser)
        .completer(new ConfigureCompleter(session)).variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, "> ").build();
    PrintWriter out = terminal.writer();
    String prompt = prompt();
    while (true) {
      String line;
      try {
        line = reader.readLine(prompt);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        line = "quit";
        out.println();
      }
      List<Statement> statements;
      try {
        statements = Lexer.statements(line);
      } catch (SyntaxError e) {
        out.println("ERROR: " + e.getMessage());
        out.flush();
        continue;
      }
      for (Statement s : statements) {
        if (session.execute(s) == ConfigureSession.Outcome.LEAVE) {
          if (!session.pending() || confirmLeave(session, reader, out)) {
            saveHistory(reader);
            return 0;
          }
        }
      }
    }
  }

  private static boolean confirmLeave(ConfigureSession session, LineReader reader, PrintWriter out) {
    while (true) {
      String answer;
      try {
        answer = reader.readLine("There are changes pending. Do you want to commit them (y/n)? ").strip();
      } catch (UserInterruptException | EndOfFileException e) {
        return false;
      }
      if (answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes")) {
        return session.execute(Lexer.statement("commit")) == ConfigureSession.Outcome.OK;
      }
      if (answer.equalsIgnoreCase("n") || answer.equalsIgnoreCase("no")) {
        session.discard();
        return true;
      }
      out.println("Please answer y or n");
      out.flush();
    }
  }

  private static void saveHistory(LineReader reader) {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      // History is a convenience; losing it must not fail the session.
    }
  }

  /**
   * Runs configure-level statements from a script; pending changes are committed at the end
   * (or on {@code commit}, {@code end}) only if no statement failed. Returns the exit code.
   */
  public static int script(ConfigureSession session, List<Statement> statements) {
    for (Statement s : statements) {
      ConfigureSession.Outcome o = s.keyword().equals("commit") ? ConfigureSession.Outcome.OK : session.execute(s);
      if (o == ConfigureSession.Outcome.ERROR) {
        return 1;
      }
      if (o == ConfigureSession.Outcome.LEAVE) {
        break;
      }
    }
    return session.execute(Lexer.statement("commit")) == ConfigureSession.Outcome.OK ? 0 : 1;
  }
}
