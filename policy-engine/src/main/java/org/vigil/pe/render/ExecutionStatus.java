package org.vigil.pe.render;

/** The names Pacemaker prints for an operation's execution status ({@code op-status}). */
final class ExecutionStatus {
  private ExecutionStatus() {}

  static String text(int status) {
    return switch (status) {
      case -1 -> "Pending";
      case 0 -> "Done";
      case 1 -> "Cancelled";
      case 2 -> "Timed Out";
      case 3 -> "Unsupported";
      case 4 -> "Error";
      case 5 -> "Hard error";
      case 6 -> "Fatal error";
      case 7 -> "Not installed";
      case 8 -> "Not connected";
      case 9 -> "Invalid";
      case 10 -> "Unknown";
      case 11 -> "No host";
      default -> "Unknown";
    };
  }
}
