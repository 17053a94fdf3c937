package org.vigil.crmsh.configure.syntax;

import java.util.Optional;

/**
 * The kinds of crmsh configuration objects, in the order {@code show} prints them, with the
 * CIB section and element each one lives in.
 */
public enum Kind {
  NODE("node", "nodes", "node"),
  TEMPLATE("rsc_template", "resources", "template"),
  PRIMITIVE("primitive", "resources", "primitive"),
  BUNDLE("bundle", "resources", "bundle"),
  GROUP("group", "resources", "group"),
  MS("ms", "resources", "master"),
  CLONE("clone", "resources", "clone"),
  TAG("tag", "tags", "tag"),
  LOCATION("location", "constraints", "rsc_location"),
  COLOCATION("colocation", "constraints", "rsc_colocation"),
  ORDER("order", "constraints", "rsc_order"),
  FENCING_TOPOLOGY("fencing_topology", "fencing-topology", "fencing-topology"),
  TICKET("rsc_ticket", "constraints", "rsc_ticket"),
  PROPERTY("property", "crm_config", "cluster_property_set"),
  RSC_DEFAULTS("rsc_defaults", "rsc_defaults", "meta_attributes"),
  OP_DEFAULTS("op_defaults", "op_defaults", "meta_attributes"),
  ROLE("role", "acls", "acl_role"),
  ACL_TARGET("acl_target", "acls", "acl_target"),
  ALERT("alert", "alerts", "alert");

  private final String keyword;
  private final String section;
  private final String element;

  Kind(String keyword, String section, String element) {
    this.keyword = keyword;
    this.section = section;
    this.element = element;
  }

  /** The crmsh command that defines this kind. */
  public String keyword() {
    return keyword;
  }

  /** The child of {@code <configuration>} that holds it. */
  public String section() {
    return section;
  }

  /** Its XML element name. */
  public String element() {
    return element;
  }

  /**
   * Location, colocation and order print together, sorted by id, as crmsh does; every other
   * kind prints as a block of its own.
   */
  public int printRank() {
    return this == COLOCATION || this == ORDER ? LOCATION.ordinal() : ordinal();
  }

  public static Optional<Kind> ofKeyword(String word) {
    for (Kind k : values()) {
      if (k.keyword.equals(word)) {
        return Optional.of(k);
      }
    }
    return word.equals("user") ? Optional.of(ACL_TARGET) : Optional.empty();
  }

  /** The kind of a child of a configuration section. */
  public static Optional<Kind> of(String section, String element) {
    for (Kind k : values()) {
      if (k.section.equals(section) && k.element.equals(element)) {
        return Optional.of(k);
      }
    }
    return section.equals("acls") && element.equals("acl_user") ? Optional.of(ACL_TARGET) : Optional.empty();
  }
}
