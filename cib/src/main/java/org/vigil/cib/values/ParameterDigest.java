package org.vigil.cib.values;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digest of a set of operation parameters, as a history record carries it in {@code
 * op-digest} and {@code op-restart-digest}: the lowercase hex MD5 of the UTF-8 text {@code "
 * <parameters NAME=\"VALUE\" .../>\n"}, the parameters sorted by name, a space before each,
 * values escaped as {@code &amp; &lt; &gt; &quot;} and {@code &#9; &#10; &#13;} for tab,
 * newline and carriage return. No parameters gives {@code " <parameters/>\n"}.
 *
 * <p>The policy engine compares it with the recorded one to tell that a resource's
 * configuration changed since it started; the executor ({@code lrm}, which depends on nothing
 * of ours) writes the same form with its own copy of these few lines.
 */
public final class ParameterDigest {
  private ParameterDigest() {}

  /** The digest of {@code params}. */
  public static String of(Map<String, String> params) {
    StringBuilder sb = new StringBuilder(" <parameters");
    for (var e : new TreeMap<>(params).entrySet()) {
      sb.append(' ').append(e.getKey()).append("=\"").append(escape(e.getValue())).append('"');
    }
    sb.append("/>\n");
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(32);
      for (byte b : md5) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JDK", e);
    }
  }

  private static String escape(String v) {
    StringBuilder sb = new StringBuilder(v.length());
    for (char c : v.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\t' -> sb.append("&#9;");
        case '\n' -> sb.append("&#10;");
        case '\r' -> sb.append("&#13;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
