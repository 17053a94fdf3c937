package org.vigil.cib.xml;

/** Well-formed XML that is not a CIB Vigil can read, with the line where it went wrong. */
public final class CibFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public CibFormatException(String source, int line, String message) {
    super((source == null ? "<input>" : source) + (line > 0 ? ":" + line : "") + ": " + message);
  }
}
