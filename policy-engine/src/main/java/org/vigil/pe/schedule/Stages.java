package org.vigil.pe.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.cib.model.Cib;
import org.vigil.pe.AllocationScores;
import org.vigil.pe.Transition;
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.ClusterStatus;
import org.vigil.pe.status.TicketLoss;

/** The scheduler's stages in order: unpack, model, assign, plan, summarise, graph. */
public final class Stages {
  private Stages() {}

  public static Transition run(Cib cib, Instant now) {
    return run(ClusterStatus.unpack(cib, now));
  }

  /** The stages after unpacking, from the status as {@link ClusterStatus#unpack} gives it. */
  public static Transition run(ClusterState unpacked) {
    return run(unpacked, null);
  }

  /** As {@link #run(ClusterState)}, recording the allocation scores into {@code scores} unless null. */
  public static Transition run(ClusterState unpacked, AllocationScores scores) {
    ClusterState state = TicketLoss.fenceNodes(unpacked);
    Model model = new Model(state);
    new Allocator(model, scores).run();
    model.remotes.decideFencing();
    Planner planner = new Planner(model);
    planner.plan();
    List<String> summary = new SummaryFormatter(model, planner).lines();
    List<String> messages = new ArrayList<>(model.messages);
    return new Transition(summary, GraphBuilder.build(model, planner), messages);
  }
}
