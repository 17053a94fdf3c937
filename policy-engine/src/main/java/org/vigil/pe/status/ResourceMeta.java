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
    String st = values.get("resource-stickiness");
    this.stickiness = st == null ? 0 : Score.parse(st).orElse(0);
    String pr = values.get("priority");
    this.priority = pr == null ? 0 : Score.parse(pr).orElse(0);
    String mt = values.get("migration-threshold");
    this.migrationThreshold = mt == null ? Score.INFINITY : Score.parse(mt).orElse(Score.INFINITY);
    this.failureTimeoutMs = Durations.parseMillis(values.get("failure-timeout")).orElse(0L);
    this.managed = Booleans.isTrue(values.get("is-managed"), true);
    this.maintenance = Booleans.isTrue(values.get("maintenance"), false);
  }

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
