package org.vigil.protocol;

/** Which part of the CIB a query or replace covers (cibadmin's {@code --scope}). */
public enum Scope {
  /** The whole {@code <cib>}: configuration and status. */
  CIB,
  /** The {@code <configuration>} section. */
  CONFIGURATION,
  /** The {@code <status>} section. */
  STATUS
}
