package org.vigil.lrm;

import java.util.List;

/**
 * Meta-data for an LSB init script, made from its {@code ### BEGIN INIT INFO} block
 * (Short-Description and Description), with the actions every LSB script has and the
 * default timeouts Pacemaker gives them (in seconds, written without a unit as Pacemaker does).
 */
final class LsbHeader {
  private LsbHeader() {}

  static AgentMetadata metadata(String name, String script) {
    String shortdesc = "";
    StringBuilder longdesc = new StringBuilder();
    boolean inBlock = false;
    boolean inDescription = false;
    for (String line : script.split("\n")) {
      if (line.startsWith("### BEGIN INIT INFO")) {
        inBlock = true;
      } else if (line.startsWith("### END INIT INFO")) {
        break;
      } else if (inBlock && line.startsWith("#")) {
        String body = line.substring(1);
        if (inDescription && (body.startsWith("  ") || body.startsWith("\t"))) {
          // continuation lines keep their indentation, as Pacemaker passes them on
          longdesc.append('\n').append(body.stripTrailing());
          continue;
        }
        inDescription = false;
        body = body.strip();
        if (body.startsWith("Short-Description:")) {
          shortdesc = body.substring("Short-Description:".length()).strip();
        } else if (body.startsWith("Description:")) {
          longdesc.append(body.substring("Description:".length()).strip());
          inDescription = true;
        }
      }
    }
    // without descriptions in the header, the script's name stands for both (as in Pacemaker)
    return new AgentMetadata(name, "1.0", shortdesc.isEmpty() ? name : shortdesc,
        longdesc.length() == 0 ? name : longdesc.toString(), List.of(),
        List.of(AgentAction.of("meta-data", "timeout", "5"), AgentAction.of("start", "timeout", "15"),
            AgentAction.of("stop", "timeout", "15"), AgentAction.of("status", "timeout", "15"),
            AgentAction.of("restart", "timeout", "15"), AgentAction.of("force-reload", "timeout", "15"),
            AgentAction.of("monitor", "timeout", "15", "interval", "15")));
  }
}
