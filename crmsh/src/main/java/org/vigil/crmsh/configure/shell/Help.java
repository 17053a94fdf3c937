package org.vigil.crmsh.configure.shell;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code help [COMMAND]} at the configure level: one usage line per command. */
final class Help {
  static final Map<String, String> USAGE = new LinkedHashMap<>();

  static {
    USAGE.put("node", "node [ID:] UNAME[:TYPE] [description=TEXT] [attributes NAME=VALUE...] [utilization NAME=VALUE...]");
    USAGE.put("primitive", "primitive ID CLASS:PROVIDER:TYPE|@TEMPLATE [params NAME=VALUE...] [meta NAME=VALUE...]"
        + " [utilization NAME=VALUE...] [op OP NAME=VALUE... [op_params NAME=VALUE...] [op_meta NAME=VALUE...]]...");
    USAGE.put("rsc_template", "rsc_template ID CLASS:PROVIDER:TYPE [params ...] [meta ...] [op ...]");
    USAGE.put("group", "group ID RSC... [meta NAME=VALUE...] [params NAME=VALUE...]");
    USAGE.put("clone", "clone ID RSC [meta NAME=VALUE...] (meta promotable=true for a promotable clone)");
    USAGE.put("ms", "ms ID RSC [meta NAME=VALUE...] (deprecated: clone ID RSC meta promotable=true)");
    USAGE.put("bundle", "bundle ID docker|podman|rkt NAME=VALUE... [network NAME=VALUE... [port-mapping NAME=VALUE...]]"
        + " [storage storage-mapping NAME=VALUE...] [primitive RSC] [meta NAME=VALUE...]");
    USAGE.put("location", "location ID RSC [role=ROLE] {SCORE: NODE | rule [$role=ROLE] [SCORE:] EXPRESSION...}");
    USAGE.put("colocation", "colocation ID SCORE: RSC[:ROLE] RSC[:ROLE] ... (sets: ( ... ) or [ ... ])");
    USAGE.put("order", "order ID [KIND:|SCORE:] RSC[:ACTION] RSC[:ACTION] ... [symmetrical=BOOL]");
    USAGE.put("rsc_ticket", "rsc_ticket ID TICKET: RSC[:ROLE]... [loss-policy=POLICY]");
    USAGE.put("property", "property [SET:] NAME=VALUE...");
    USAGE.put("rsc_defaults", "rsc_defaults [SET:] NAME=VALUE...");
    USAGE.put("op_defaults", "op_defaults [SET:] NAME=VALUE...");
    USAGE.put("fencing_topology", "fencing_topology NODE: DEVICE[,DEVICE] [DEVICE...] [NODE: ...]");
    USAGE.put("tag", "tag ID RSC...");
    USAGE.put("role", "role ID {read|write|deny} {xpath:XPATH|ref:ID|tag:TAG}...");
    USAGE.put("acl_target", "acl_target ID ROLE...");
    USAGE.put("alert", "alert ID PATH [meta ...] [attributes ...] [select ...] [to RECIPIENT [meta ...] [attributes ...]]...");
    USAGE.put("xml", "xml <ELEMENT ...> (a CIB element as XML)");
    USAGE.put("show", "show [xml | changed | ID...]");
    USAGE.put("commit", "commit (write the pending changes to the CIB)");
    USAGE.put("verify", "verify (check the pending configuration)");
    USAGE.put("delete", "delete ID... (constraints on deleted resources go too)");
    USAGE.put("rename", "rename OLD NEW");
    USAGE.put("edit", "edit (the whole configuration in $EDITOR)");
    USAGE.put("erase", "erase [nodes] (everything but properties, and nodes with 'nodes')");
    USAGE.put("refresh", "refresh (drop pending changes and re-read the CIB)");
    USAGE.put("load", "load [xml] replace|update FILE");
    USAGE.put("save", "save [xml] FILE");
    USAGE.put("import-haresources", "import-haresources HARESOURCES [HA.CF] (Heartbeat v1 to crmsh)");
    USAGE.put("up", "up | end | quit | exit (leave; asks about pending changes)");
    USAGE.put("help", "help [COMMAND]");
  }

  private Help() {}

  static String text(String command) {
    if (command == null) {
      StringBuilder sb = new StringBuilder("Commands at the configure level:\n");
      USAGE.forEach((k, v) -> sb.append(String.format("  %-18s %s%n", k, v.length() > 58 ? v.substring(0, 55) + "..." : v)));
      return sb.toString();
    }
    String usage = USAGE.get(command);
    return usage == null ? "no help for '" + command + "'; try 'help'\n" : "usage: " + usage + "\n";
  }
}
