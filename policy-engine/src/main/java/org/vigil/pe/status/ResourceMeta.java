package org.vigil.pe.status;

import java.util.Map;
import java.util.Optional;
import org.vigil.cib.model.Role;
import org.vigil.cib.values.Booleans;
import org.vigil.cib.values.Durations;
import org.vigil.cib.values.Score;

/**
 * A resource's effective meta attributes: its own, over its group's, over its clone's, over
 * {@code rsc_defaults} (children inherit their parents' meta attributes).
 */
public record ResourceMeta(Map<String, String> values) {
  public ResourceMeta {
    values = Map.copyOf(values);
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
    return Booleans.isTrue(values.get("is-managed"), true);
  }

  public boolean maintenance() {
    return Booleans.isTrue(values.get("maintenance"), false);
  }

  /** {@code resource-stickiness} (legacy {@code default-resource-stickiness} via rsc_defaults). */
  public int stickiness() {
    String v = values.get("resource-stickiness");
    return v == null ? 0 : Score.parse(v).orElse(0);
  }

  public int priority() {
    String v = values.get("priority");
    return v == null ? 0 : Score.parse(v).orElse(0);
  }

  /** {@code migration-threshold}: failures before the node is banned; INFINITY by default. */
  public int migrationThreshold() {
    String v = values.get("migration-threshold");
    return v == null ? Score.INFINITY : Score.parse(v).orElse(Score.INFINITY);
  }

  /** {@code failure-timeout} in ms; 0 when failures never expire. */
  public long failureTimeoutMs() {
    return Durations.parseMillis(values.get("failure-timeout")).orElse(0L);
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
