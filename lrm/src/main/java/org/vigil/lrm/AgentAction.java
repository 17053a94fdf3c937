package org.vigil.lrm;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One action an agent's meta-data lists, with its advised defaults.
 *
 * @param name {@code start}, {@code monitor}...
 * @param attributes the other attributes (timeout, interval, depth, role...) in document order
 */
public record AgentAction(String name, Map<String, String> attributes) {
  public AgentAction {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** An action with attributes given as name, value, name, value... in that order. */
  public static AgentAction of(String name, String... attributePairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < attributePairs.length; i += 2) {
      m.put(attributePairs[i], attributePairs[i + 1]);
    }
    return new AgentAction(name, m);
  }

  /** The advised timeout, if given and readable. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(attributes.get("timeout")).flatMap(AgentAction::parseDuration);
  }

  /** The advised interval, if given and readable. */
  public Optional<Duration> interval() {
    return Optional.ofNullable(attributes.get("interval")).flatMap(AgentAction::parseDuration);
  }

  /** The role this action is meant for ({@code Promoted}, {@code Unpromoted}), if any. */
  public Optional<String> role() {
    return Optional.ofNullable(attributes.get("role"));
  }

  /**
   * Reads a duration as meta-data writes them: seconds ({@code 20}), or a number with
   * {@code ms}, {@code s}, {@code m}/{@code min} or {@code h}.
   */
  public static Optional<Duration> parseDuration(String text) {
    var m = java.util.regex.Pattern.compile("\\s*([0-9]{1,12})\\s*(ms|msec|s|sec|m|min|h|hr)?\\s*").matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return Optional.of(switch (unit) {
      case "ms", "msec" -> Duration.ofMillis(n);
      case "m", "min" -> Duration.ofMinutes(n);
      case "h", "hr" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    });
  }
}
