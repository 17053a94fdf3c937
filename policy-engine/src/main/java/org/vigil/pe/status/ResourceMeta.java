package org.vigil.pe.status;

import java.util.Map;
import java.util.Optional;
import org.vigil.cib.model.Role;
import org.vigil.cib.values.Booleans;
import org.vigil.cib.values.Durations;
import org.vigil.cib.values.Score;

/**
 * A resource's effective meta attributes: its own, over its group's, over its clone's, over
 * {@code rsc_defaults} (children inherit their parents' meta attributes). The values the
 * scheduler reads often are parsed once.
 */
public final class ResourceMeta {
  private final Map<String, String> values;
  private final int stickiness;
  private final int priority;
  private final int migrationThreshold;
  private final long failureTimeoutMs;
  private final boolean managed;
  private final boolean maintenance;

  public ResourceMeta(Map<String, String> values) {
    this.values = Map.copyOf(values);
    this.stickiness = lenientScore(values.get("resource-stickiness"), 0);
    this.priority = lenientScore(values.get("priority"), 0);
    this.migrationThreshold = lenientScore(values.get("migration-threshold"), Score.INFINITY);
    this.failureTimeoutMs = Durations.parseMillis(values.get("failure-timeout")).orElse(0L);
    this.managed = Booleans.isTrue(values.get("is-managed"), true);
    this.maintenance = Booleans.isTrue(values.get("maintenance"), false);
  }

  /** A score as Pacemaker reads it: INFINITY forms, or the leading integer ("1.0" is 1). */
  static int lenientScore(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    Optional<Integer> exact = Score.parse(text);
    if (exact.isPresent()) {
      return exact.get();
    }
    java.util.regex.Matcher m = LEADING_INTEGER.matcher(text.trim());
    return m.lookingAt() ? Score.clamp(Long.parseLong(m.group())) : fallback;
  }

  private static final java.util.regex.Pattern LEADING_INTEGER = java.util.regex.Pattern.compile("[+-]?[0-9]{1,18}");

  public Map<String, String> values() {
    return values;
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** {@code target-role}; Started when absent or unparsable. */
  public Role targetRole() {
    return Role.parse(values.get("target-role")).orElse(Role.STARTED);
  }

  public boolean hasTargetRole() {
    return values.containsKey("target-role") && Role.parse(values.get("target-role")).isPresent();
  }

  public boolean isManaged() {
    return managed;
  }

  public boolean maintenance() {
    return maintenance;
  }

  /** {@code resource-stickiness} (legacy {@code default-resource-stickiness} via rsc_defaults). */
  public int stickiness() {
    return stickiness;
  }

  public int priority() {
    return priority;
  }

  /** {@code migration-threshold}: failures before the node is banned; INFINITY by default. */
  public int migrationThreshold() {
    return migrationThreshold;
  }

  /** {@code failure-timeout} in ms; 0 when failures never expire. */
  public long failureTimeoutMs() {
    return failureTimeoutMs;
  }

  /** {@code multiple-active}: stop_start (default), stop_only, block, stop_unexpected. */
  public String multipleActive() {
    return values.getOrDefault("multiple-active", "stop_start");
  }

  public boolean allowMigrate() {
    return Booleans.isTrue(values.get("allow-migrate"), false);
  }

  public boolean critical() {
    return Booleans.isTrue(values.get("critical"), true);
  }
}
