package org.vigil.lrm;

/** An agent's meta-data could not be had or read: the message names the agent and what is wrong. */
public class MetadataException extends Exception {
  private static final long serialVersionUID = 1L;

  public MetadataException(String message) {
    super(message);
  }

  public MetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
