package org.vigil.crmsh.configure;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
import org.vigil.crmsh.configure.shell.ShellRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code crm configure load [xml] replace|update FILE} (crmsh syntax, or CIB XML with {@code xml}) ({@code -} reads standard input). The
 * new configuration is checked as a whole before anything is written; on any error the CIB
 * stays exactly as it was.
 */
@Command(name = "load", description = "Load a configuration: load [xml] replace|update FILE")
public final class LoadCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "2..3", paramLabel = "ARGS", description = "[xml] replace|update FILE")
  List<String> args;

  @Override
  public Integer call() {
    boolean xml = args.get(0).equals("xml");
    List<String> rest = xml ? args.subList(1, args.size()) : args;
    if (rest.size() != 2) {
      throw new CrmException("usage: load [xml] replace|update FILE", 2);
    }
    String method = rest.get(0);
    if (!method.equals("replace") && !method.equals("update")) {
      throw new CrmException("load: unknown method '" + method + "' (expected replace or update)", 2);
    }
    String source = rest.get(1);
    if (!xml) {
      var session = ConfigureCommand.session(spec.commandLine().getOut(), spec.commandLine().getErr());
      return ShellRunner.script(session, List.of(ConfigureCommand.statementOf(List.of("load", method, source))));
    }
    Configuration loaded = readConfiguration(source);
    CibAccess access = CibAccess.fromEnvironment(System.getenv(), null);
    Cib current = access.read();
    Configuration next = method.equals("replace") ? loaded : ConfigurationUpdate.merge(current.configuration(), loaded);
    Cib candidate = current.withConfiguration(next).withVersion(current.version().nextEpoch());
    List<Problem> problems = CibValidator.validate(candidate);
    for (Problem p : problems) {
      spec.commandLine().getErr().println(p);
    }
    if (CibValidator.hasErrors(problems)) {
      throw new CrmException(source + ": configuration not loaded (" + problems.stream().filter(Problem::isError).count()
          + " error(s)); the CIB is unchanged");
    }
    access.commit(current, candidate);
    return 0;
  }

  private static Configuration readConfiguration(String source) {
    XmlElement root;
    try (Reader in = source.equals("-")
        ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
        : Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8)) {
      root = XmlCodec.parse(in, source.equals("-") ? "<stdin>" : source);
    } catch (NoSuchFileException e) {
      throw new CrmException("load: file " + source + " does not exist");
    } catch (IOException e) {
      throw new CrmException("load: cannot read " + source + ": " + e.getMessage());
    } catch (XmlParseException e) {
      throw new CrmException("malformed XML: " + e.getMessage() + "; the CIB is unchanged");
    }
    try {
      if (root.name().equals("configuration")) {
        XmlElement wrapper = XmlElement.builder("cib").child(root).build();
        return CibXml.fromElement(wrapper, source).configuration();
      }
      if (!root.name().equals("cib")) {
        throw new CrmException(source + ": expected <cib> or <configuration>, found <" + root.name() + ">");
      }
      return CibXml.fromElement(root, source).configuration();
    } catch (CibFormatException e) {
      throw new CrmException("not a CIB: " + e.getMessage() + "; the CIB is unchanged");
    }
  }

}
