package org.vigil.controller.transition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.pe.GraphAction;
import org.vigil.pe.GraphAction.Kind;
import org.vigil.pe.Transition;

/** Hand-built transition graphs for the engine's tests. */
final class Graphs {
  private final List<GraphAction> actions = new ArrayList<>();

  static Graphs graph() {
    return new Graphs();
  }

  Graphs rsc(int id, String rsc, String task, String node, Integer... preds) {
    return add(new GraphAction(id, Kind.RESOURCE, rsc, task, 0, node, Arrays.asList(preds), Map.of()));
  }

  Graphs probe(int id, String rsc, String node, Integer... preds) {
    return add(new GraphAction(id, Kind.RESOURCE, rsc, "monitor", 0, node, Arrays.asList(preds),
        Map.of(ExpectedResult.TARGET_RC, "7")));
  }

  Graphs monitor(int id, String rsc, long interval, String node, Integer... preds) {
    return add(new GraphAction(id, Kind.RESOURCE, rsc, "monitor", interval, node, Arrays.asList(preds), Map.of()));
  }

  Graphs pseudo(int id, String name, Integer... preds) {
    return add(new GraphAction(id, Kind.PSEUDO, name, "running", 0, null, Arrays.asList(preds), Map.of()));
  }

  Graphs fence(int id, String node, Integer... preds) {
    return add(new GraphAction(id, Kind.FENCE, null, "stonith", 0, node, Arrays.asList(preds),
        new HashMap<>(Map.of("action", "reboot"))));
  }

  Graphs cluster(int id, String task, String node, Integer... preds) {
    return add(new GraphAction(id, Kind.CLUSTER, null, task, 0, node, Arrays.asList(preds), Map.of()));
  }

  Graphs add(GraphAction a) {
    actions.add(a);
    return this;
  }

  Transition build() {
    return new Transition(List.of(), actions, List.of());
  }

  static List<Integer> ids(List<GraphAction> actions) {
    return actions.stream().map(GraphAction::id).toList();
  }
}
