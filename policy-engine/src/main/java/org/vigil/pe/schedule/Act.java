package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * An action in the working graph. {@code required} means it will be executed (given it is
 * runnable); optional actions exist to carry orderings and may become required through them.
 */
final class Act {
  enum Type {
    RESOURCE,
    PSEUDO,
    CLUSTER,
    FENCE
  }

  final Type type;
  final Rsc rsc;
  final String task;
  final long intervalMs;
  /** Node index, -1 for none. */
  final int node;
  boolean required;
  boolean runnable = true;
  /** Shown in the graph even though not required (pseudo actions whose children run). */
  boolean printed;
  /**
   * Why it cannot run ("unrunnable X running", "no quorum"...); for fencing, why the node is
   * fenced. Set at creation for causes of its own, else derived from what it must follow.
   */
  String reason;
  /** How strong the reason is: the strongest cause is the one reported. */
  int reasonRank;
  /** The action it must follow that gave it its reason, when one did. */
  Act cause;
  /** Why it became required through an ordering ("required X start"), or a definition change. */
  String requiredBy;
  /** The reason is its own (quorum, colocation), not one derived from orderings. */
  boolean ownReason;
  /** Made unrunnable by an action it must follow (not by its own state). */
  boolean inheritedUnrunnable;
  /** How many of its {@link Edge#ANY_LEFT} firsts must be runnable for it to be. */
  int anyLeftMin = 1;
  final List<Edge> in = new ArrayList<>();
  final List<Edge> out = new ArrayList<>();
  /** Extra inputs for the graph (target_rc of probes, fencing action). */
  final java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
  /** Where {@link Planner}'s walk explaining unrunnable actions is with it. */
  Walk explained = Walk.NOT_SEEN;
  /** Its position among the actions {@link GraphBuilder} puts in the graph, -1 when left out. */
  int graphIndex = -1;

  enum Walk {
    NOT_SEEN,
    ON_PATH,
    DONE
  }

  Act(Type type, Rsc rsc, String task, long intervalMs, int node) {
    this.type = type;
    this.rsc = rsc;
    this.task = task;
    this.intervalMs = intervalMs;
    this.node = node;
  }

  /** Pacemaker's name for it: {@code rsc_task_interval}. */
  String key() {
    return (rsc == null ? "" : rsc.id) + "_" + task + "_" + intervalMs;
  }

  boolean executes() {
    return (required || printed) && runnable;
  }

  @Override
  public String toString() {
    return key() + "@" + node + (required ? " req" : "") + (runnable ? "" : " unrunnable");
  }

  /** An ordering edge and what it implies. */
  record Edge(Act first, Act then, int flags) {
    /** First unrunnable makes then unrunnable. */
    static final int RUNNABLE_LEFT = 1;
    /** First required makes then required. */
    static final int IMPLIES_THEN = 2;
    /** Then required makes first required. */
    static final int IMPLIES_FIRST = 4;
    /** Then is runnable when any (not all) of its firsts is. */
    static final int ANY_LEFT = 8;
  }
}
