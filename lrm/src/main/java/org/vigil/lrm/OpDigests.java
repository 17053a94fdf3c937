package org.vigil.lrm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Digests of an operation's parameters, stored with its result so that a later change of
 * the configuration can be told apart: when {@link #opDigest} changes, the resource must be
 * reloaded or restarted; when {@link #restartDigest} changes too (or the agent cannot
 * reload), restarted.
 *
 * <p>The scheme is the one Pacemaker writes in {@code lrm_rsc_op}, so that its tools and
 * Vigil's controller read the same values: take the instance parameters (never meta
 * attributes), sorted by name, plus {@code CRM_meta_timeout} (milliseconds) for a recurring
 * operation; write them as {@code " <parameters NAME=\"VALUE\" .../>\n"} (a space before
 * each attribute, values escaped as {@code &amp; &lt; &gt; &quot;} and {@code &#9; &#10;
 * &#13;} for tab, newline and carriage return); the digest is the lowercase hex MD5 of its
 * UTF-8 bytes. The restart digest applies the same text to the parameters that force a
 * restart, without the timeout: those not marked {@code reloadable="1"} when the agent has
 * a {@code reload-agent} action (parameters the meta-data does not declare included), or
 * those marked {@code unique="1"} when it has only the older {@code reload} action.
 *
 * @param opDigest the digest over all parameters
 * @param restartDigest the digest over {@link #forceRestart}, or null when the agent cannot
 *     reload (every change then restarts) or its meta-data could not be read
 * @param forceRestart the names of the parameters whose change forces a restart (Pacemaker's
 *     {@code op-force-restart}, which it writes as {@code " a b "}); empty when
 *     {@link #restartDigest} is null
 */
public record OpDigests(String opDigest, String restartDigest, List<String> forceRestart) {
  public OpDigests {
    forceRestart = List.copyOf(forceRestart);
  }

  /** The digests of {@code request}'s parameters for an agent described by {@code metadata} (null if unknown). */
  public static OpDigests of(OperationRequest request, AgentMetadata metadata) {
    Map<String, String> params = request.params();
    SortedMap<String, String> withTimeout = new TreeMap<>(params);
    if (request.recurring()) {
      withTimeout.put("CRM_meta_timeout", Long.toString(request.timeout().toMillis()));
    }
    String op = digest(withTimeout);
    if (metadata == null) {
      return new OpDigests(op, null, List.of());
    }
    boolean reloadAgent = metadata.hasAction("reload-agent");
    boolean legacyReload = !reloadAgent && metadata.hasAction("reload");
    if (!reloadAgent && !legacyReload) {
      return new OpDigests(op, null, List.of());
    }
    Set<String> reloadable = new HashSet<>();
    Set<String> declared = new HashSet<>();
    for (AgentParameter p : metadata.parameters()) {
      declared.add(p.name());
      if (reloadAgent ? p.reloadable() : !p.unique()) {
        reloadable.add(p.name());
      }
    }
    SortedMap<String, String> restart = new TreeMap<>();
    List<String> names = new ArrayList<>();
    for (var e : new TreeMap<>(params).entrySet()) {
      boolean forces = reloadAgent
          ? !reloadable.contains(e.getKey())
          : declared.contains(e.getKey()) && !reloadable.contains(e.getKey());
      if (forces) {
        restart.put(e.getKey(), e.getValue());
        names.add(e.getKey());
      }
    }
    return new OpDigests(op, digest(restart), names);
  }

  /** The digest of {@code params} by the scheme above. */
  public static String digest(Map<String, String> params) {
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
