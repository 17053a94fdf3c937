package org.vigil.pe.simulate;

import org.vigil.pe.GraphAction;

/** How crm_simulate announces an action it executes. */
public final class ActionLine {
  private ActionLine() {}

  /** The line, without the section's two leading spaces. */
  public static String of(GraphAction a) {
    return switch (a.kind()) {
      case RESOURCE -> "* Resource action: " + padRight(a.resource(), 15) + " " + taskText(a) + " on " + a.node();
      case PSEUDO -> "* Pseudo action:   " + pseudoName(a);
      case CLUSTER -> "* Cluster action:  " + a.task() + (a.resource() == null ? "" : " for " + a.resource())
          + " on " + a.node();
      case FENCE -> "* Fencing " + a.node() + " (" + fenceType(a) + ")";
    };
  }

  /** {@code %-15s}: graphs have tens of thousands of these lines, String.format is too slow. */
  private static String padRight(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /** {@code monitor}, {@code monitor=10000}, {@code cancel=10000}, {@code start}... */
  static String taskText(GraphAction a) {
    return a.intervalMs() > 0 ? a.task() + "=" + a.intervalMs() : a.task();
  }

  /** A pseudo-action's name: its operation key, or its task alone when it has no resource. */
  static String pseudoName(GraphAction a) {
    return a.resource() == null ? a.task() : a.operationKey();
  }

  /** The fencing action's {@code action} attribute: {@code reboot} (the default), {@code off} or {@code on}. */
  static String fenceType(GraphAction a) {
    return a.attributes().getOrDefault("action", "reboot");
  }
}
