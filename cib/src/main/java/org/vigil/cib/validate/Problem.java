package org.vigil.cib.validate;

/** One thing wrong with a CIB: how bad, where (an element id or a path), what. */
public record Problem(Severity severity, String where, int line, String message) {
  public enum Severity {
    ERROR,
    WARNING
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** As crm_verify prints it: {@code error: <message>}, with the source line when known. */
  @Override
  public String toString() {
    return (severity == Severity.ERROR ? "error: " : "warning: ") + message + (line > 0 ? " (line " + line + ")" : "");
  }
}
