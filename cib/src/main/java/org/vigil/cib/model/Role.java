package org.vigil.cib.model;

import java.util.Locale;
import java.util.Optional;

/** A resource role, with the legacy spellings Pacemaker still accepts. */
public enum Role {
  STOPPED("Stopped"),
  STARTED("Started"),
  UNPROMOTED("Unpromoted"),
  PROMOTED("Promoted"),
  UNKNOWN("Unknown");

  private final String text;

  Role(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** {@code Master} and {@code Slave} are the legacy names of Promoted and Unpromoted; case is ignored. */
  public static Optional<Role> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "stopped" -> Optional.of(STOPPED);
      case "started" -> Optional.of(STARTED);
      case "unpromoted", "slave" -> Optional.of(UNPROMOTED);
      case "promoted", "master" -> Optional.of(PROMOTED);
      case "unknown" -> Optional.of(UNKNOWN);
      default -> Optional.empty();
    };
  }
}
