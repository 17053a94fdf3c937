package org.vigil.controller.transition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code op-digest} of an operation: an MD5 over the agent parameters it ran with, written
 * as {@code <parameters NAME="VALUE" .../>} with names sorted, so that a later change of
 * parameters shows as a different digest. Meta attributes ({@code CRM_meta_*}) are left out:
 * changing a timeout does not restart a resource.
 */
public final class OperationDigest {
  private OperationDigest() {}

  public static String of(Map<String, String> parameters) {
    StringBuilder xml = new StringBuilder("<parameters");
    for (Map.Entry<String, String> e : new TreeMap<>(parameters).entrySet()) {
      if (!e.getKey().startsWith("CRM_meta_")) {
        xml.append(' ').append(e.getKey()).append("=\"").append(escape(e.getValue())).append('"');
      }
    }
    xml.append("/>");
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest(xml.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }

  private static String escape(String v) {
    return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
