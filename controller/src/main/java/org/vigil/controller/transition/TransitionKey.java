package org.vigil.controller.transition;

/**
 * Which transition action an operation result answers, in Pacemaker's
 * {@code transition-key} format {@code ACTION:TRANSITION:TARGET_RC:UUID}; the {@code uuid}
 * names the DC run that made the graph, so that a new DC can tell its own results from older
 * ones.
 */
public record TransitionKey(int actionId, int transitionId, int targetRc, String uuid) {
  public TransitionKey {
    if (uuid == null || uuid.isEmpty() || uuid.contains(":") || uuid.contains(";")) {
      throw new IllegalArgumentException("bad transition uuid '" + uuid + "'");
    }
  }

  public static TransitionKey parse(String text) {
    String[] parts = text.split(":", 4);
    if (parts.length != 4) {
      throw new IllegalArgumentException("bad transition key '" + text + "' (ACTION:TRANSITION:TARGET_RC:UUID)");
    }
    try {
      return new TransitionKey(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
          parts[3]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad transition key '" + text + "' (ACTION:TRANSITION:TARGET_RC:UUID)", e);
    }
  }

  /** {@code transition-magic}: {@code OP_STATUS:RC;KEY}, the key with the result it got. */
  public String magic(int opStatus, int rc) {
    return opStatus + ":" + rc + ";" + this;
  }

  @Override
  public String toString() {
    return actionId + ":" + transitionId + ":" + targetRc + ":" + uuid;
  }
}
