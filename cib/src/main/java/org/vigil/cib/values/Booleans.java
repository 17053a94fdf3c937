package org.vigil.cib.values;

import java.util.Locale;
import java.util.Optional;

/** Booleans as Pacemaker spells them: true/on/yes/y/1 and false/off/no/n/0, any case. */
public final class Booleans {
  private Booleans() {}

  public static Optional<Boolean> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "y", "1" -> Optional.of(true);
      case "false", "off", "no", "n", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** The value, or {@code fallback} when absent or not a boolean. */
  public static boolean isTrue(String s, boolean fallback) {
    return parse(s).orElse(fallback);
  }
}
