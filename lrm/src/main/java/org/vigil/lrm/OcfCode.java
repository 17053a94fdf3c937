package org.vigil.lrm;

/**
 * OCF exit codes as Pacemaker documents them ("Pacemaker Administration", OCF return
 * codes): what each means and how bad a failure it is when it is not the expected answer.
 * Any other exit code counts as {@link #ERR_GENERIC}.
 */
public enum OcfCode {
  SUCCESS(0, "ok", "OK", Severity.SOFT),
  ERR_GENERIC(1, "error", "Error occurred", Severity.SOFT),
  ERR_ARGS(2, "invalid parameter", "Invalid parameter", Severity.HARD),
  ERR_UNIMPLEMENTED(3, "unimplemented feature", "Unimplemented", Severity.HARD),
  ERR_PERM(4, "insufficient privileges", "Insufficient privileges", Severity.HARD),
  ERR_INSTALLED(5, "not installed", "Not installed", Severity.HARD),
  ERR_CONFIGURED(6, "not configured", "Not configured", Severity.FATAL),
  NOT_RUNNING(7, "not running", "Not running", Severity.SOFT),
  RUNNING_PROMOTED(8, "promoted", "Promoted", Severity.SOFT),
  FAILED_PROMOTED(9, "promoted (failed)", "Failed in promoted role", Severity.SOFT),
  DEGRADED(190, "OCF_DEGRADED", "Service is active but might fail soon", Severity.SOFT),
  DEGRADED_PROMOTED(191, "promoted (degraded)", "Service is promoted but might fail soon", Severity.SOFT);

  /**
   * How far a failure reaches when the code is not what was expected: SOFT means retry
   * or recover on the same node, HARD means the resource must not run on this node, FATAL
   * means it must not run anywhere until the configuration is fixed.
   */
  public enum Severity {
    SOFT,
    HARD,
    FATAL
  }

  private final int code;
  private final String text;
  private final String exitText;
  private final Severity severity;

  OcfCode(int code, String text, String exitText, Severity severity) {
    this.code = code;
    this.text = text;
    this.exitText = exitText;
    this.severity = severity;
  }

  public int code() {
    return code;
  }

  /** Pacemaker's short text for the code, as in "returned 7 (not running)". */
  public String text() {
    return text;
  }

  /** The text Pacemaker's tools print when they exit with this code ("Not running"). */
  public String exitText() {
    return exitText;
  }

  public Severity severity() {
    return severity;
  }

  /** The OCF code for an agent's exit code; codes outside the OCF range are a generic error. */
  public static OcfCode of(int exitCode) {
    for (OcfCode c : values()) {
      if (c.code == exitCode) {
        return c;
      }
    }
    return ERR_GENERIC;
  }

  /** Whether the agent returned exactly this OCF code (not a code mapped to it). */
  public static boolean isOcf(int exitCode) {
    for (OcfCode c : values()) {
      if (c.code == exitCode) {
        return true;
      }
    }
    return false;
  }
}
