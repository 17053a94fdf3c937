package org.vigil.crmsh.configure.syntax;

/** A crmsh statement that cannot be understood: where, and what was expected instead. */
public final class SyntaxError extends RuntimeException {
  private final int line;
  private final int column;

  public SyntaxError(int line, int column, String message) {
    super("line " + line + ", column " + column + ": " + message);
    this.line = line;
    this.column = column;
  }

  public static SyntaxError at(Token t, String message) {
    return new SyntaxError(t.line(), t.column(), message);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
