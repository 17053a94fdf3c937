package org.vigil.crmsh.simulate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.pe.GraphAction;
import org.vigil.pe.Scheduler;
import org.vigil.pe.Transition;

/**
 * A test scheduler (found through ServiceLoader on the test class path) whose behaviour the
 * CIB under test picks with its {@code crm_config} property {@code test-scheduler}: {@code
 * start-stopped} starts every stopped primitive on the first node, {@code throw} fails,
 * {@code hang} never returns, {@code cycle} returns a graph that cannot finish.
 */
public final class ScriptedScheduler implements Scheduler {
  @Override
  public Transition schedule(Cib cib, Instant now) {
    String mode = cib.configuration().property("test-scheduler").orElse("start-stopped");
    String node = cib.configuration().nodes().get(0).uname();
    switch (mode) {
      case "throw" -> throw new IllegalStateException("scripted failure");
      case "hang" -> {
        while (true) {
          Thread.onSpinWait();
        }
      }
      case "cycle" -> {
        return new Transition(List.of(), List.of(
            new GraphAction(1, GraphAction.Kind.PSEUDO, "a", "start", 0, null, List.of(2), Map.of()),
            new GraphAction(2, GraphAction.Kind.PSEUDO, "a", "running", 0, null, List.of(1), Map.of())), List.of());
      }
      default -> {
        List<String> summary = new ArrayList<>();
        List<GraphAction> actions = new ArrayList<>();
        for (Resource r : cib.configuration().allResources()) {
          if (r instanceof Primitive p && cib.status().nodeStates().stream()
              .noneMatch(n -> n.lrmResources().stream().anyMatch(l -> l.id().equals(p.id())))) {
            summary.add(String.format("* Start      %s   ( %s )", p.id(), node));
            actions.add(new GraphAction(actions.size() + 1, GraphAction.Kind.RESOURCE, p.id(), "start", 0, node,
                List.of(), Map.of()));
          }
        }
        return new Transition(summary, actions, List.of());
      }
    }
  }
}
