package org.vigil.cib.xml;

/** Malformed or refused XML, with where it went wrong. */
public final class XmlParseException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final int line;
  private final int column;

  public XmlParseException(String source, int line, int column, String message) {
    super(format(source, line, column, message));
    this.source = source;
    this.line = line;
    this.column = column;
  }

  private static String format(String source, int line, int column, String message) {
    StringBuilder sb = new StringBuilder(source == null ? "<input>" : source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(message).toString();
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
