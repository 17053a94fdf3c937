package org.vigil.crmsh.configure.syntax;

/** One word of a crmsh statement, quotes removed, with where it started (1-based). */
public record Token(String text, int line, int column) {
  public boolean is(String word) {
    return text.equals(word);
  }

  @Override
  public String toString() {
    return "'" + text + "' (line " + line + ", column " + column + ")";
  }
}
