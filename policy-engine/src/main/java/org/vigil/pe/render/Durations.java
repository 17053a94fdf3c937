package org.vigil.pe.render;

/** Pacemaker's readable intervals: {@code 10s}, {@code 1m30s}, {@code 500ms}, {@code 2h}. */
final class Durations {
  private Durations() {}

  static String readable(long ms) {
    if (ms == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long rest = ms;
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (rest >= units[i]) {
        sb.append(rest / units[i]).append(names[i]);
        rest %= units[i];
      }
    }
    if (rest > 0) {
      sb.append(rest).append("ms");
    }
    return sb.toString();
  }
}
