package org.vigil.pe.status;

import java.util.Locale;

/**
 * What a failed operation makes the cluster do ({@code on-fail}), from the mildest to the
 * strongest: when several failures apply, the strongest wins.
 */
public enum OnFail {
  /** No failure recorded (or it was cleared by a later success). */
  NONE,
  IGNORE,
  DEMOTE,
  RESTART,
  /** Recover the resource's container (and everything in it): a contained resource's default for a failed stop. */
  RESTART_CONTAINER,
  STOP,
  STANDBY,
  BLOCK,
  FENCE;

  /** Parses an {@code on-fail} value; null when absent or unknown. */
  public static OnFail parse(String s) {
    if (s == null) {
      return null;
    }
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "ignore" -> IGNORE;
      case "demote" -> DEMOTE;
      case "restart" -> RESTART;
      case "restart-container" -> RESTART_CONTAINER;
      case "stop" -> STOP;
      case "standby" -> STANDBY;
      case "block" -> BLOCK;
      case "fence" -> FENCE;
      default -> null;
    };
  }

  OnFail max(OnFail other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
