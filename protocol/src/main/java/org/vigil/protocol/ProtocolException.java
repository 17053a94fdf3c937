package org.vigil.protocol;

/** A frame or message that does not follow the client protocol, or a connection that failed. */
public class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
