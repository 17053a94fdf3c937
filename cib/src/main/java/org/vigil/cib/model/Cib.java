package org.vigil.cib.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A whole Cluster Information Base: version, the {@code <cib>} element's other attributes
 * (validate-with, have-quorum, dc-uuid, execution-date, cib-last-written...), configuration
 * and status. Immutable: every change gives a new value.
 */
public record Cib(CibVersion version, Extras attributes, Configuration configuration, Status status) {

  public static Cib empty() {
    return new Cib(CibVersion.ZERO, new Extras(java.util.Map.of("validate-with", "pacemaker-3.7"), java.util.List.of()),
        Configuration.EMPTY, Status.EMPTY);
  }

  public String attr(String name) {
    return attributes.attr(name);
  }

  public Optional<String> validateWith() {
    return Optional.ofNullable(attr("validate-with"));
  }

  /** The CIB's {@code have-quorum} (Pacemaker treats anything but a true value as false). */
  public boolean haveQuorum() {
    String v = attr("have-quorum");
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on"));
  }

  /** The "now" recorded by crm_simulate ({@code execution-date}, epoch seconds), if any. */
  public Optional<Instant> executionDate() {
    String v = attr("execution-date");
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(v.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public Cib withVersion(CibVersion v) {
    return new Cib(v, attributes, configuration, status);
  }

  public Cib withConfiguration(Configuration c) {
    return new Cib(version, attributes, c, status);
  }

  public Cib withStatus(Status s) {
    return new Cib(version, attributes, configuration, s);
  }

  public Cib withAttribute(String name, String value) {
    return new Cib(version, attributes.withAttribute(name, value), configuration, status);
  }
}
