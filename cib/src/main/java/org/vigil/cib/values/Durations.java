package org.vigil.cib.values;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operation intervals and timeouts are written: a plain number of seconds
 * ({@code 10}), a number with a unit ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 2min},
 * {@code 1h}, {@code 1d}) or an ISO 8601 duration ({@code PT10S}, {@code P1DT2H}).
 */
public final class Durations {
  private static final Pattern SIMPLE =
      Pattern.compile("\\s*([0-9]+)\\s*(ms|msec|us|usec|s|sec|m|min|h|hr|d|)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO = Pattern.compile(
      "P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?(?:T?(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?",
      Pattern.CASE_INSENSITIVE);

  private Durations() {}

  /** Milliseconds, or empty when the text is not a duration. */
  public static Optional<Long> parseMillis(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    Matcher m = SIMPLE.matcher(t);
    if (m.matches()) {
      long n;
      try {
        n = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      return Optional.of(switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "ms", "msec" -> n;
        case "us", "usec" -> n / 1000;
        case "m", "min" -> n * 60_000;
        case "h", "hr" -> n * 3_600_000;
        case "d" -> n * 86_400_000;
        default -> n * 1000;
      });
    }
    Matcher iso = ISO.matcher(t);
    // Pacemaker also takes hours and seconds without the 'T' (P10S); 'M' before a 'T' stays months
    if (iso.matches() && t.length() > 1 && !t.toUpperCase(Locale.ROOT).endsWith("T")) {
      long[] unitsMs = {365L * 86_400_000, 30L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000};
      long total = 0;
      for (int i = 0; i < unitsMs.length; i++) {
        String g = iso.group(i + 1);
        if (g != null) {
          total += Long.parseLong(g) * unitsMs[i];
        }
      }
      return Optional.of(total);
    }
    return Optional.empty();
  }
}
