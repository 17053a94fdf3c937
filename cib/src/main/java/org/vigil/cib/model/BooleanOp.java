package org.vigil.cib.model;

/** How a rule combines its expressions. */
public enum BooleanOp {
  AND,
  OR;

  public static BooleanOp parse(String s) {
    return s == null || s.equalsIgnoreCase("and") ? AND : s.equalsIgnoreCase("or") ? OR : null;
  }

  public String xml() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
