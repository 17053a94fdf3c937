package org.vigil.pe.render;

/**
 * Pacemaker's readable intervals: a unit is used only for more than one of it, so 1000 ms is
 * {@code 1000ms}, 60 s is {@code 60s}, 90 s is {@code 1m30s} and 1.5 s is {@code 1.500s}.
 */
final class Durations {
  private static final long SECOND = 1000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private Durations() {}

  static String readable(long ms) {
    StringBuilder sb = new StringBuilder();
    long rest = ms;
    long[] units = {DAY, HOUR, MINUTE};
    String[] names = {"d", "h", "m"};
    for (int i = 0; i < units.length; i++) {
      if (rest > units[i]) {
        sb.append(rest / units[i]).append(names[i]);
        rest %= units[i];
      }
    }
    if (rest > SECOND) {
      sb.append(rest / SECOND);
      if (rest % SECOND != 0) {
        sb.append('.').append(String.format("%03d", rest % SECOND));
      }
      sb.append('s');
    } else if (rest > 0) {
      sb.append(rest).append("ms");
    }
    return sb.length() == 0 ? "0s" : sb.toString();
  }
}
