package org.vigil.lrm;

/**
 * Pacemaker's mapping of LSB init script exit codes to OCF codes. For {@code status}
 * (Pacemaker's monitor) LSB has its own codes: 0 running; 1, 2, 3 stopped (with a stale pid
 * file, with a stale lock file, cleanly); 4 unknown. For the other actions 0-7 mean what the
 * OCF codes 0-7 mean. Anything else is a generic error.
 */
public final class LsbCodes {
  private LsbCodes() {}

  /** The OCF code an LSB script's {@code exitCode} for {@code lsbAction} stands for. */
  public static OcfCode toOcf(String lsbAction, int exitCode) {
    if (lsbAction.equals("status")) {
      return switch (exitCode) {
        case 0 -> OcfCode.SUCCESS;
        case 1, 2, 3 -> OcfCode.NOT_RUNNING;
        // Pacemaker's own extensions of the LSB status codes
        case 150 -> OcfCode.ERR_INSTALLED;
        case 151 -> OcfCode.ERR_PERM;
        default -> OcfCode.ERR_GENERIC;
      };
    }
    return exitCode >= 0 && exitCode <= 7 ? OcfCode.of(exitCode) : OcfCode.ERR_GENERIC;
  }
}
