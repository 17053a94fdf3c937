package org.vigil.crmsh.ra;

import java.util.List;
import java.util.Set;
import org.vigil.lrm.AgentAction;
import org.vigil.lrm.AgentMetadata;
import org.vigil.lrm.AgentParameter;

/** How crmsh 4.4 lays out {@code ra list} and {@code ra info}. */
public final class RaFormat {
  /** crmsh's width when output is not a terminal. */
  static final int WIDTH = 80;
  /** Actions crmsh leaves out of "Operations' defaults". */
  private static final Set<String> HIDDEN_ACTIONS = Set.of("meta-data", "validate-all");

  private RaFormat() {}

  /**
   * Names in columns, row by row: each column as wide as the longest name plus three
   * spaces, as many columns as fit in {@link #WIDTH}, the width shared out evenly; the last
   * column of a full row is not padded.
   */
  public static String columns(List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    int longest = names.stream().mapToInt(String::length).max().orElse(0);
    int cols = Math.max(1, WIDTH / (longest + 3));
    int colWidth = WIDTH / cols;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      boolean lastInRow = i % cols == cols - 1;
      sb.append(lastInRow ? n : pad(n, colWidth));
      if (lastInRow || i == names.size() - 1) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** {@code crm ra info}: the agent's description, parameters and advised operation defaults. */
  public static String info(String agentName, AgentMetadata md) {
    StringBuilder sb = new StringBuilder();
    String longdesc = md.longdesc().strip();
    // as for parameters, a short description that repeats the name or the long one is left out
    String type = agentName.substring(agentName.lastIndexOf(':') + 1);
    boolean titleRepeats = md.shortdesc().equals(longdesc) || md.shortdesc().equals(type);
    sb.append(md.shortdesc().isEmpty() || titleRepeats ? agentName
        : md.shortdesc() + " (" + agentName + ")").append('\n');
    if (!longdesc.isEmpty()) {
      sb.append('\n').append(longdesc).append('\n');
    }
    if (!md.parameters().isEmpty()) {
      sb.append("\nParameters (*: required, []: default):\n");
      for (AgentParameter p : md.parameters()) {
        sb.append('\n').append(p.name()).append(p.required() ? "*" : "").append(" (").append(p.type());
        if (p.defaultValue() != null && !p.defaultValue().isEmpty()) {
          sb.append(", [").append(p.defaultValue()).append(']');
        }
        String desc = p.longdesc().strip();
        // crmsh leaves out a short description that only repeats the name or the long description
        boolean repeats = p.shortdesc().equals(desc) || p.shortdesc().equals(p.name());
        sb.append("): ").append(repeats ? "" : p.shortdesc()).append('\n');
        if (!desc.isEmpty()) {
          desc.lines().forEach(l -> sb.append("    ").append(l).append('\n'));
        }
      }
    }
    List<AgentAction> shown = md.actions().stream().filter(a -> !HIDDEN_ACTIONS.contains(a.name())).toList();
    if (!shown.isEmpty()) {
      sb.append("\nOperations' defaults (advisory minimum):\n\n");
      for (AgentAction a : shown) {
        StringBuilder line = new StringBuilder("    ").append(pad(a.name(), 14));
        a.attributes().forEach((k, v) -> line.append(k).append('=').append(v).append(' '));
        sb.append(line.toString().stripTrailing()).append('\n');
      }
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
