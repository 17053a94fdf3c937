package org.vigil.cib.values;

import java.util.Optional;

/**
 * Pacemaker's scores: integers clamped to ±{@link #INFINITY} (1,000,000), where -INFINITY
 * dominates: anything plus -INFINITY is -INFINITY (so INFINITY - INFINITY = -INFINITY), and
 * anything else plus INFINITY is INFINITY.
 */
public final class Score {
  public static final int INFINITY = 1_000_000;
  public static final int MINUS_INFINITY = -INFINITY;

  private Score() {}

  public static int add(int a, int b) {
    if (a <= MINUS_INFINITY || b <= MINUS_INFINITY) {
      return MINUS_INFINITY;
    }
    if (a >= INFINITY || b >= INFINITY) {
      return INFINITY;
    }
    return clamp((long) a + b);
  }

  /** {@code a - b}: subtracting INFINITY is adding -INFINITY. */
  public static int subtract(int a, int b) {
    return add(a, negate(b));
  }

  public static int negate(int a) {
    return clamp(-(long) a);
  }

  public static int clamp(long v) {
    if (v >= INFINITY) {
      return INFINITY;
    }
    if (v <= MINUS_INFINITY) {
      return MINUS_INFINITY;
    }
    return (int) v;
  }

  /**
   * Parses a score as written in a CIB: {@code INFINITY}, {@code +INFINITY},
   * {@code -INFINITY} (any case) or an integer (clamped). Empty when it is none of those.
   */
  public static Optional<Integer> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    if (s.equalsIgnoreCase("INFINITY") || s.equalsIgnoreCase("+INFINITY")) {
      return Optional.of(INFINITY);
    }
    if (s.equalsIgnoreCase("-INFINITY")) {
      return Optional.of(MINUS_INFINITY);
    }
    if (!isInteger(s)) {
      return Optional.empty();
    }
    try {
      return Optional.of(clamp(Long.parseLong(s)));
    } catch (NumberFormatException e) {
      // more digits than a long holds: still a valid, clamped score
      return Optional.of(s.startsWith("-") ? MINUS_INFINITY : INFINITY);
    }
  }

  /** {@code [+-]?[0-9]+}, without a regular expression: scores are parsed in hot loops. */
  private static boolean isInteger(String s) {
    int from = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (from == s.length()) {
      return false;
    }
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** As crm_simulate prints scores: {@code INFINITY}, {@code -INFINITY} or the integer. */
  public static String format(int score) {
    if (score >= INFINITY) {
      return "INFINITY";
    }
    if (score <= MINUS_INFINITY) {
      return "-INFINITY";
    }
    return Integer.toString(score);
  }
}
