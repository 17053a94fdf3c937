package org.vigil.crmsh;

/** A failure a command reports as one line on stderr, with its exit code. */
public class CrmException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CrmException(String message) {
    this(message, 1);
  }

  public CrmException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public CrmException(String message, Throwable cause) {
    super(message, cause);
    this.exitCode = 1;
  }

  public int exitCode() {
    return exitCode;
  }
}
