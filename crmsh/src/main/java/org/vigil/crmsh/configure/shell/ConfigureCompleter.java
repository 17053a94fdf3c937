package org.vigil.crmsh.configure.shell;

import java.util.List;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.vigil.crmsh.configure.syntax.Agent;
import org.vigil.crmsh.configure.syntax.SyntaxError;
import org.vigil.crmsh.configure.syntax.Token;

/**
 * Tab completion at the configure level: command names first; then agents after
 * {@code primitive ID}, the agent's parameters after {@code params}, resource ids where
 * constraints, containers and commands expect them.
 */
final class ConfigureCompleter implements Completer {
  private static final List<String> RESOURCE_COMMANDS = List.of("group", "clone", "ms", "location", "colocation",
      "order", "rsc_ticket", "tag", "show", "delete", "rename", "edit");
  private final ConfigureSession session;

  ConfigureCompleter(ConfigureSession session) {
    this.session = session;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> words = line.words();
    int index = line.wordIndex();
    if (index == 0) {
      Help.USAGE.keySet().forEach(c -> candidates.add(new Candidate(c)));
      return;
    }
    String command = words.get(0);
    if ((command.equals("primitive") || command.equals("rsc_template")) && index == 2) {
      session.agents().agents().forEach(a -> candidates.add(new Candidate(shortName(a))));
      return;
    }
    if ((command.equals("primitive") || command.equals("rsc_template")) && index > 2 && words.size() > 2
        && inParams(words, index)) {
      agentParameters(words.get(2)).ifPresent(ps -> ps.forEach(p -> candidates.add(
          new Candidate(p + "=", p + "=", null, null, null, null, false))));
      List.of("meta", "op", "utilization").forEach(w -> candidates.add(new Candidate(w)));
      return;
    }
    if (command.equals("primitive") && index > 2) {
      List.of("params", "meta", "utilization", "op").forEach(w -> candidates.add(new Candidate(w)));
      return;
    }
    if (RESOURCE_COMMANDS.contains(command) && index >= 2 || command.equals("show") || command.equals("delete")) {
      session.workspace().resourceIds().forEach(id -> candidates.add(new Candidate(id)));
    }
  }

  private static boolean inParams(List<String> words, int index) {
    for (int i = index - 1; i > 2; i--) {
      String w = words.get(i);
      if (w.equals("params")) {
        return true;
      }
      if (w.equals("meta") || w.equals("op") || w.equals("utilization")) {
        return false;
      }
    }
    return false;
  }

  private Optional<List<String>> agentParameters(String agentName) {
    try {
      return session.agents().parameters(Agent.parse(new Token(agentName, 1, 1)));
    } catch (SyntaxError e) {
      return Optional.empty();
    }
  }

  private static String shortName(String full) {
    return full.startsWith("ocf:heartbeat:") ? full.substring("ocf:heartbeat:".length()) : full;
  }
}
