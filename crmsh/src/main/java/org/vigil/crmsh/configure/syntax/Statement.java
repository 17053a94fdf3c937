package org.vigil.crmsh.configure.syntax;

import java.util.List;

/** The words of one crmsh statement (continuation lines joined) and the line it started on. */
public record Statement(List<Token> tokens, int line, String text) {
  public Statement {
    tokens = List.copyOf(tokens);
  }

  public boolean isEmpty() {
    return tokens.isEmpty();
  }

  public String keyword() {
    return tokens.isEmpty() ? "" : tokens.get(0).text();
  }
}
