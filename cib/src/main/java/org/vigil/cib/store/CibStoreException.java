package org.vigil.cib.store;

/** A stored CIB that cannot be used: missing, torn, tampered or unreadable. */
public final class CibStoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public CibStoreException(String message) {
    super(message);
  }

  public CibStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
