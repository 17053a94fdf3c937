package org.vigil.lrm;

import java.util.List;

/**
 * Meta-data for an LSB init script, made from its {@code ### BEGIN INIT INFO} block
 * (Short-Description and Description), with the actions every LSB script has.
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
          longdesc.append('\n').append(body.strip());
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
    return new AgentMetadata(name, "1.0", shortdesc, longdesc.toString(), List.of(),
        List.of(AgentAction.of("meta-data", "timeout", "5s"), AgentAction.of("start", "timeout", "15s"),
            AgentAction.of("stop", "timeout", "15s"), AgentAction.of("status", "timeout", "15s"),
            AgentAction.of("restart", "timeout", "15s"), AgentAction.of("force-reload", "timeout", "15s"),
            AgentAction.of("monitor", "timeout", "15s", "interval", "15s")));
  }
}
