package org.vigil.crmsh.configure.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Heartbeat v1 to crmsh: each {@code haresources} line becomes a group of primitives with a
 * location preference for its node; {@code drbddisk} becomes a promotable DRBD clone the group
 * is colocated with and ordered after; {@code auto_failback} in ha.cf sets stickiness.
 */
public final class Haresources {
  private Haresources() {}

  /** The crmsh statements for a haresources file (and optionally ha.cf), one per line. */
  public static String convert(String haresources, String haCf) {
    List<String> out = new ArrayList<>();
    for (String line : logicalLines(haCf)) {
      String[] w = line.split("\\s+");
      if (w[0].equals("node")) {
        for (int i = 1; i < w.length; i++) {
          out.add("node " + w[i]);
        }
      }
    }
    Set<String> used = new LinkedHashSet<>();
    for (String line : logicalLines(haresources)) {
      String[] words = line.split("\\s+");
      String node = words[0];
      String group = unique(used, "g_" + node);
      List<String> members = new ArrayList<>();
      List<String> drbdClones = new ArrayList<>();
      for (int i = 1; i < words.length; i++) {
        String[] parts = words[i].split("::");
        String name = parts[0];
        if (parts.length == 1 && name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+(/.*)?")) {
          parts = new String[] {"IPaddr", name};
          name = "IPaddr";
        }
        switch (name) {
          case "IPaddr", "IPaddr2" -> {
            String id = unique(used, "p_vip");
            String[] ip = arg(parts, 1, words[i]).split("/");
            StringBuilder s = new StringBuilder("primitive " + id + " IPaddr2 params ip=" + ip[0]);
            if (ip.length > 1) {
              s.append(" cidr_netmask=").append(ip[1]);
            }
            if (ip.length > 2) {
              s.append(" nic=").append(ip[2]);
            }
            if (ip.length > 3) {
              s.append(" broadcast=").append(ip[3]);
            }
            out.add(s.append(" op monitor interval=10s").toString());
            members.add(id);
          }
          case "drbddisk" -> {
            String res = parts.length > 1 ? parts[1] : "all";
            String primitive = unique(used, "p_drbd_" + res);
            String clone = unique(used, "ms_drbd_" + res);
            out.add("primitive " + primitive + " ocf:linbit:drbd params drbd_resource=" + res
                + " op monitor interval=29s role=Promoted op monitor interval=31s role=Unpromoted");
            out.add("clone " + clone + " " + primitive + " meta promotable=true promoted-max=1 promoted-node-max=1"
                + " clone-max=2 clone-node-max=1 notify=true");
            drbdClones.add(clone);
          }
          case "Filesystem" -> {
            String dir = arg(parts, 2, words[i]);
            String base = dir.replaceAll(".*/", "");
            String id = unique(used, "p_fs_" + (base.isEmpty() ? "root" : sanitize(base)));
            StringBuilder s = new StringBuilder("primitive " + id + " Filesystem params device="
                + quote(arg(parts, 1, words[i])) + " directory=" + quote(dir) + " fstype=" + arg(parts, 3, words[i]));
            if (parts.length > 4) {
              s.append(" options=").append(quote(parts[4]));
            }
            out.add(s.append(" op monitor interval=20s").toString());
            members.add(id);
          }
          case "MailTo" -> members.add(simple(out, used, "p_mailto", "MailTo", "email=" + quote(arg(parts, 1, words[i]))
              + (parts.length > 2 ? " subject=" + quote(parts[2]) : "")));
          case "ldirectord" -> members.add(simple(out, used, "p_ldirectord", "ldirectord",
              parts.length > 1 ? "configfile=" + quote(parts[1]) : ""));
          case "Xinetd" -> members.add(simple(out, used, "p_xinetd_" + sanitize(arg(parts, 1, words[i])), "Xinetd",
              "service=" + arg(parts, 1, words[i])));
          case "apache" -> members.add(simple(out, used, "p_apache", "apache",
              parts.length > 1 ? "configfile=" + quote(parts[1]) : ""));
          default -> {
            if (parts.length > 1) {
              throw new IllegalArgumentException("haresources: no agent known for '" + words[i]
                  + "' (a Heartbeat script with arguments)");
            }
            String id = unique(used, "p_" + sanitize(name));
            out.add("primitive " + id + " lsb:" + name);
            members.add(id);
          }
        }
      }
      if (!members.isEmpty()) {
        out.add("group " + group + " " + String.join(" ", members));
        out.add("location " + unique(used, "l_" + group + "_pref") + " " + group + " 100: " + node);
        for (String clone : drbdClones) {
          out.add("colocation " + unique(used, "c_" + group + "_on_" + clone) + " inf: " + group + " " + clone
              + ":Promoted");
          out.add("order " + unique(used, "o_" + clone + "_before_" + group) + " Mandatory: " + clone + ":promote "
              + group + ":start");
        }
      }
    }
    for (String line : logicalLines(haCf)) {
      String[] w = line.split("\\s+");
      if (w[0].equals("auto_failback") && w.length > 1) {
        String mode = w[1].toLowerCase(Locale.ROOT);
        out.add("rsc_defaults resource-stickiness=" + (mode.equals("off") ? "200" : "0"));
      }
    }
    return String.join("\n", out) + (out.isEmpty() ? "" : "\n");
  }

  private static String simple(List<String> out, Set<String> used, String base, String agent, String params) {
    String id = unique(used, base);
    out.add("primitive " + id + " " + agent + (params.isEmpty() ? "" : " params " + params));
    return id;
  }

  private static String arg(String[] parts, int i, String token) {
    if (parts.length <= i || parts[i].isEmpty()) {
      throw new IllegalArgumentException("haresources: '" + token + "' lacks argument " + i);
    }
    return parts[i];
  }

  private static String quote(String v) {
    return v.matches("[A-Za-z0-9_.\\-]+") ? v : "\"" + v + "\"";
  }

  private static String sanitize(String s) {
    return s.replaceAll("[^A-Za-z0-9_.\\-]", "_");
  }

  private static String unique(Set<String> used, String base) {
    String id = base;
    for (int i = 2; used.contains(id); i++) {
      id = base + i;
    }
    used.add(id);
    return id;
  }

  /** Lines without comments, with {@code \} continuations joined. */
  private static List<String> logicalLines(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String raw : text.split("\n")) {
      String line = raw.replaceAll("#.*", "").strip();
      if (line.endsWith("\\")) {
        cur.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      cur.append(line);
      if (!cur.toString().isBlank()) {
        out.add(cur.toString().strip());
      }
      cur.setLength(0);
    }
    return out;
  }
}
