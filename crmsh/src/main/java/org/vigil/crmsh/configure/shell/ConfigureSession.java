package org.vigil.crmsh.configure.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.vigil.cib.edit.ConfigurationUpdate;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.validate.CibValidator;
import org.vigil.cib.validate.Problem;
import org.vigil.cib.xml.CibFormatException;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlCodec;
import org.vigil.cib.xml.XmlElement;
import org.vigil.cib.xml.XmlParseException;
import org.vigil.crmsh.CrmException;
import org.vigil.crmsh.cib.CibAccess;
import org.vigil.crmsh.configure.syntax.AgentCatalog;
import org.vigil.crmsh.configure.syntax.Kind;
import org.vigil.crmsh.configure.syntax.Lexer;
import org.vigil.crmsh.configure.syntax.Printer;
import org.vigil.crmsh.configure.syntax.Statement;
import org.vigil.crmsh.configure.syntax.SyntaxError;
import org.vigil.crmsh.configure.syntax.Token;
import org.vigil.crmsh.configure.syntax.Workspace;

/**
 * The {@code configure} level of crm: a working copy of the CIB that statements and commands
 * edit, written only on {@code commit}. Shared by the interactive shell, scripts and one-shot
 * command lines.
 */
public final class ConfigureSession {
  /** What a command asks of the loop that runs it. */
  public enum Outcome { OK, ERROR, LEAVE }

  /** Runs {@code $EDITOR} on a file; a seam so tests need no terminal. */
  public interface Editor {
    void edit(Path file) throws IOException, InterruptedException;
  }

  private final CibAccess access;
  private final AgentCatalog agents;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Editor editor;
  private Workspace workspace;

  public ConfigureSession(CibAccess access, AgentCatalog agents, PrintWriter out, PrintWriter err, Editor editor) {
    this.access = access;
    this.agents = agents;
    this.out = out;
    this.err = err;
    this.editor = editor;
    this.workspace = new Workspace(access.read(), agents);
  }

  public Workspace workspace() {
    return workspace;
  }

  public AgentCatalog agents() {
    return agents;
  }

  public boolean pending() {
    return workspace.changed();
  }

  /** Runs one statement, printing any error as {@code ERROR: ...}. */
  public Outcome execute(Statement s) {
    try {
      Outcome o = run(s);
      out.flush();
      return o;
    } catch (SyntaxError e) {
      error(e.getMessage());
    } catch (CrmException | IllegalArgumentException e) {
      error(where(s) + e.getMessage());
    }
    return Outcome.ERROR;
  }

  private static String where(Statement s) {
    return "line " + s.line() + ": ";
  }

  private void error(String message) {
    out.flush();
    err.println("ERROR: " + message);
    err.flush();
  }

  private Outcome run(Statement s) {
    String command = s.keyword();
    List<Token> args = s.tokens().subList(1, s.tokens().size());
    if (command.equals("xml") || Kind.ofKeyword(command).isPresent()) {
      workspace.define(s, false);
      return Outcome.OK;
    }
    switch (command) {
      case "show" -> show(args);
      case "commit" -> commit();
      case "verify" -> {
        return verify() ? Outcome.OK : Outcome.ERROR;
      }
      case "delete", "rm" -> {
        requireArgs(s, args, 1, "delete ID...");
        for (String c : workspace.delete(words(args))) {
          out.println("INFO: constraint " + c + " refers to a deleted resource and was deleted too");
        }
      }
      case "rename" -> {
        requireArgs(s, args, 2, "rename OLD NEW");
        workspace.rename(args.get(0).text(), args.get(1).text());
      }
      case "erase" -> workspace.erase(!args.isEmpty() && args.get(0).is("nodes"));
      case "refresh" -> workspace = new Workspace(access.read(), agents);
      case "edit" -> edit();
      case "load" -> load(s, args);
      case "save" -> save(s, args);
      case "help", "?" -> out.print(Help.text(args.isEmpty() ? null : args.get(0).text()));
      case "up", "end", "cd", "quit", "exit", "bye", "q" -> {
        return Outcome.LEAVE;
      }
      case "import-haresources" -> importHaresources(s, args);
      default -> throw SyntaxError.at(s.tokens().get(0), "unknown command '" + command + "' (try 'help')");
    }
    return Outcome.OK;
  }

  private static void requireArgs(Statement s, List<Token> args, int n, String usage) {
    if (args.size() < n) {
      throw SyntaxError.at(s.tokens().get(0), "usage: " + usage);
    }
  }

  private static List<String> words(List<Token> args) {
    return args.stream().map(Token::text).toList();
  }

  private void show(List<Token> args) {
    if (!args.isEmpty() && args.get(0).is("xml")) {
      Cib candidate = workspace.candidate();
      out.print("<?xml version=\"1.0\" ?>\n" + XmlCodec.write(CibXml.toElement(candidate)
          .withoutChildren(c -> c.name().equals("status"))));
      return;
    }
    if (!args.isEmpty() && args.get(0).is("changed")) {
      for (Printer.Entry e : workspace.changedEntries()) {
        out.println(Printer.print(e));
      }
      return;
    }
    if (args.isEmpty()) {
      out.print(Printer.print(workspace.configuration()));
      return;
    }
    for (Token t : args) {
      Printer.Entry e = workspace.entry(t.text())
          .orElseThrow(() -> SyntaxError.at(t, "object " + t.text() + " does not exist"));
      out.println(Printer.print(e));
    }
  }

  /** Checks the working copy as the commit would, printing problems; false when it has errors. */
  public boolean verify() {
    List<Problem> problems = CibValidator.validate(workspace.candidate());
    for (Problem p : problems) {
      err.println(p);
    }
    err.flush();
    return !CibValidator.hasErrors(problems);
  }

  /** Writes the working copy; refused when it has errors or the stored CIB changed meanwhile. */
  public void commit() {
    if (!workspace.changed()) {
      return;
    }
    Cib current = access.read();
    if (!current.configuration().equals(workspace.base().configuration())) {
      throw new CrmException("the CIB changed since this session read it (now version " + current.version()
          + "); 'refresh' and redo the changes; nothing committed");
    }
    Cib next = current.withConfiguration(workspace.candidate().configuration())
        .withVersion(current.version().nextEpoch());
    List<Problem> problems = CibValidator.validate(next);
    problems.forEach(err::println);
    err.flush();
    if (CibValidator.hasErrors(problems)) {
      throw new CrmException("configuration has errors; nothing committed");
    }
    access.commit(current, next);
    workspace = new Workspace(next, agents);
  }

  /** Drops the pending changes. */
  public void discard() {
    workspace = new Workspace(workspace.base(), agents);
  }

  private void edit() {
    try {
      Path file = Files.createTempFile("crm-configure-", ".txt");
      try {
        Files.writeString(file, Printer.print(workspace.configuration()));
        editor.edit(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        workspace.replaceAll(Lexer.statements(text));
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new CrmException("edit: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CrmException("edit interrupted");
    }
  }

  private void load(Statement s, List<Token> args) {
    boolean xml = !args.isEmpty() && args.get(0).is("xml");
    List<Token> rest = xml ? args.subList(1, args.size()) : args;
    if (rest.size() != 2 || !(rest.get(0).is("replace") || rest.get(0).is("update"))) {
      throw SyntaxError.at(s.tokens().get(0), "usage: load [xml] replace|update FILE");
    }
    boolean replace = rest.get(0).is("replace");
    Path file = Path.of(rest.get(1).text());
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw SyntaxError.at(rest.get(1), "file " + file + " does not exist");
    } catch (IOException e) {
      throw SyntaxError.at(rest.get(1), "cannot read " + file + ": " + e.getMessage());
    }
    if (xml) {
      Configuration loaded = xmlConfiguration(text, file.toString());
      Configuration current = workspace.candidate().configuration();
      Configuration next = replace ? loaded : ConfigurationUpdate.merge(current, loaded);
      workspace = Workspace.editing(workspace, workspace.base().withConfiguration(next));
      return;
    }
    List<Statement> statements;
    try {
      statements = Lexer.statements(text);
    } catch (SyntaxError e) {
      throw new CrmException(file + ": " + e.getMessage());
    }
    try {
      if (replace) {
        workspace.replaceAll(statements);
      } else {
        workspace.defineAll(statements, true);
      }
    } catch (SyntaxError e) {
      throw new CrmException(file + ": " + e.getMessage() + "; nothing loaded");
    }
  }

  private static Configuration xmlConfiguration(String text, String source) {
    try {
      XmlElement root = XmlCodec.parse(text, source);
      if (root.name().equals("configuration")) {
        root = XmlElement.builder("cib").child(root).build();
      } else if (!root.name().equals("cib")) {
        throw new CrmException(source + ": expected <cib> or <configuration>, found <" + root.name() + ">");
      }
      return CibXml.fromElement(root, source).configuration();
    } catch (XmlParseException e) {
      throw new CrmException("malformed XML: " + e.getMessage());
    } catch (CibFormatException e) {
      throw new CrmException("not a CIB: " + e.getMessage());
    }
  }

  private void save(Statement s, List<Token> args) {
    boolean xml = !args.isEmpty() && args.get(0).is("xml");
    List<Token> rest = xml ? args.subList(1, args.size()) : args;
    if (rest.size() != 1) {
      throw SyntaxError.at(s.tokens().get(0), "usage: save [xml] FILE");
    }
    String text = xml
        ? "<?xml version=\"1.0\" ?>\n" + XmlCodec.write(CibXml.toElement(workspace.candidate())
            .withoutChildren(c -> c.name().equals("status")))
        : Printer.print(workspace.configuration());
    try {
      Files.writeString(Path.of(rest.get(0).text()), text);
    } catch (IOException e) {
      throw SyntaxError.at(rest.get(0), "cannot write " + rest.get(0).text() + ": " + e.getMessage());
    }
  }

  private void importHaresources(Statement s, List<Token> args) {
    requireArgs(s, args, 1, "import-haresources HARESOURCES [HA.CF]");
    String text = Haresources.convert(read(args.get(0)), args.size() > 1 ? read(args.get(1)) : "");
    out.print(text);
    // The converted agents (drbd above all) need not be installed on the machine doing the import.
    Workspace imported = Workspace.editing(workspace, workspace.candidate(), AgentCatalog.ANY);
    imported.defineAll(Lexer.statements(text), false);
    workspace = Workspace.editing(workspace, imported.candidate());
  }

  private static String read(Token file) {
    try {
      return Files.readString(Path.of(file.text()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SyntaxError.at(file, "cannot read " + file.text() + ": " + e.getMessage());
    }
  }
}
