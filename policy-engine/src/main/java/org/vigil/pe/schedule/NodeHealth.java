package org.vigil.pe.schedule;

import java.util.Locale;
import java.util.Map;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.values.Score;
import org.vigil.pe.status.NodeStatus;

/**
 * The score a node's health adds to every resource there ({@code node-health-strategy}), from
 * its {@code #health-*} attributes, each a colour or a score: with {@code migrate-on-red} red
 * bans the node; with {@code only-green} red and yellow ban it; with {@code progressive} and
 * {@code custom} each colour counts as its {@code node-health-red|yellow|green} score and the
 * attributes add up; with {@code none} (the default) health is ignored. Resources with
 * {@code allow-unhealthy-nodes=true} ignore it too.
 */
final class NodeHealth {
  private NodeHealth() {}

  /** The health score of every node, indexed like the model's nodes. */
  static int[] scores(Model m) {
    Configuration c = m.state.cib().configuration();
    String strategy = c.property("node-health-strategy").orElse("none").trim().toLowerCase(Locale.ROOT);
    int[] out = new int[m.nodeCount()];
    if (strategy.equals("none")) {
      return out;
    }
    int red = colour(c, "red", Score.MINUS_INFINITY);
    int yellow = colour(c, "yellow", 0);
    int green = colour(c, "green", 0);
    switch (strategy) {
      case "migrate-on-red" -> {
        red = Score.MINUS_INFINITY;
        yellow = 0;
        green = 0;
      }
      case "only-green" -> {
        red = Score.MINUS_INFINITY;
        yellow = Score.MINUS_INFINITY;
        green = 0;
      }
      default -> {
        // progressive and custom use the configured colour scores
      }
    }
    for (int i = 0; i < out.length; i++) {
      NodeStatus n = m.nodes.get(i);
      for (Map.Entry<String, String> e : n.attributes().entrySet()) {
        if (!e.getKey().startsWith("#health")) {
          continue;
        }
        String v = e.getValue().trim().toLowerCase(Locale.ROOT);
        int score = switch (v) {
          case "red" -> red;
          case "yellow" -> yellow;
          case "green" -> green;
          default -> Score.parse(v).orElse(0);
        };
        out[i] = Score.add(out[i], score);
      }
    }
    return out;
  }

  private static int colour(Configuration c, String name, int fallback) {
    return c.property("node-health-" + name).flatMap(Score::parse).orElse(fallback);
  }
}
