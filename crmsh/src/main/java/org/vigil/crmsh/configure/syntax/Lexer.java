package org.vigil.crmsh.configure.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits crmsh text into statements and words as the shell does: whitespace separates words,
 * single and double quotes group them ({@code name="a b"} is one word, {@code name=a b}), a
 * backslash at the end of a line continues the statement, and lines starting with {@code #}
 * are comments ({@code #uname} inside a statement is a word).
 */
public final class Lexer {
  private Lexer() {}

  /** Every statement of a script, comments and blank lines left out. */
  public static List<Statement> statements(String text) {
    List<Statement> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    StringBuilder joined = new StringBuilder();
    List<int[]> origins = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (start < 0 && line.strip().startsWith("#")) {
        continue;
      }
      if (start < 0) {
        start = i + 1;
      }
      boolean continues = line.endsWith("\\") && !line.endsWith("\\\\");
      String part = continues ? line.substring(0, line.length() - 1) + " " : line;
      for (int c = 0; c < part.length(); c++) {
        origins.add(new int[] {i + 1, c + 1});
      }
      joined.append(part);
      if (!continues) {
        if (!joined.toString().isBlank()) {
          out.add(statement(joined.toString(), origins, start));
        }
        joined.setLength(0);
        origins.clear();
        start = -1;
      } else {
        origins.add(new int[] {i + 1, part.length() + 1});
        joined.append(' ');
      }
    }
    if (!joined.toString().isBlank()) {
      out.add(statement(joined.toString(), origins, start));
    }
    return out;
  }

  /** One statement typed on one line (line number 1). */
  public static Statement statement(String line) {
    List<int[]> origins = new ArrayList<>();
    for (int c = 0; c < line.length(); c++) {
      origins.add(new int[] {1, c + 1});
    }
    return statement(line, origins, 1);
  }

  private static Statement statement(String text, List<int[]> origins, int line) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int begin = i;
      StringBuilder word = new StringBuilder();
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        char ch = text.charAt(i);
        if (ch == '"' || ch == '\'') {
          int close = i + 1;
          StringBuilder quoted = new StringBuilder();
          while (close < n && text.charAt(close) != ch) {
            if (ch == '"' && text.charAt(close) == '\\' && close + 1 < n) {
              close++;
            }
            quoted.append(text.charAt(close));
            close++;
          }
          if (close >= n) {
            int[] at = origins.get(i);
            throw new SyntaxError(at[0], at[1], "unbalanced quote " + ch);
          }
          word.append(quoted);
          i = close + 1;
        } else {
          word.append(ch);
          i++;
        }
      }
      int[] at = origins.get(begin);
      tokens.add(new Token(word.toString(), at[0], at[1]));
    }
    return new Statement(tokens, line, text.strip());
  }
}
