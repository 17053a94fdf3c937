package org.vigil.pe;

import java.util.ArrayList;
import java.util.List;
import org.vigil.cib.values.Score;

/**
 * The node scores the scheduler chose from, as {@code crm_simulate -s} prints them: one line
 * per resource and node, in the order the scheduler worked them out (e.g. {@code
 * pcmk__primitive_assign: rsc1 allocation score on node1: 0}, {@code rsc1:0 promotion score on
 * node1: 10}). Filled by a scheduler that records scores; single-threaded.
 */
public final class AllocationScores {
  /** Where in the assignment a score line comes from, named as crm_simulate names it. */
  public enum Stage {
    PRIMITIVE("pcmk__primitive_assign"),
    GROUP("pcmk__group_assign"),
    CLONE("pcmk__clone_allocate"),
    BUNDLE("pcmk__bundle_allocate");

    private final String label;

    Stage(String label) {
      this.label = label;
    }
  }

  private final List<String> lines = new ArrayList<>();

  /** {@code STAGE: RSC allocation score on NODE: SCORE}. */
  public void allocation(Stage stage, String resource, String node, int score) {
    lines.add(stage.label + ": " + resource + " allocation score on " + node + ": " + Score.format(score));
  }

  /** {@code RSC promotion score on NODE: SCORE}. */
  public void promotion(String instance, String node, int score) {
    lines.add(instance + " promotion score on " + node + ": " + Score.format(score));
  }

  /** The lines recorded so far, in order. */
  public List<String> lines() {
    return List.copyOf(lines);
  }
}
