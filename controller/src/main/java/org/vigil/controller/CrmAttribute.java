package org.vigil.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vigil.cib.edit.CibEdits;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.protocol.Scope;
import org.vigil.protocol.VigilClient;

/**
 * The {@code crm_attribute} that agents run through {@code $HA_SBIN_DIR} to set transient node
 * attributes, promotion scores above all ({@code crm_attribute --promotion -v SCORE}, which sets
 * {@code master-RSC} on this node; {@code -D} removes it). vigild writes a launcher for it into
 * each node's data directory. It writes the node's own vigild through its socket
 * ({@code VIGIL_SOCKET}), guarded by the CIB version it read, and reads again when the DC
 * recorded something in between. Options: {@code --promotion}, {@code -n/--name NAME},
 * {@code -N/--node NODE} (default: {@code OCF_RESKEY_CRM_meta_on_node}), {@code -v/--update
 * VALUE}, {@code -D/--delete}, {@code -G/--query} (prints the value; {@code -q} alone), and
 * {@code -l/--lifetime} (always the node's status section here).
 */
public final class CrmAttribute {
  private static final int ATTEMPTS = 20;

  private CrmAttribute() {}

  /**
   * Writes {@code DIR/crm_attribute}, which runs this class on this JVM's class path against
   * {@code socket}; returns DIR, to give agents as {@code HA_SBIN_DIR}.
   */
  static Path writeLauncher(Path dir, Path socket) throws IOException {
    Files.createDirectories(dir);
    Path launcher = dir.resolve("crm_attribute");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(launcher, "#!/bin/sh\n# written by vigild: agents set node attributes through it\n"
        + "VIGIL_SOCKET=" + quote(socket.toAbsolutePath().toString()) + " exec " + quote(java)
        + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "
        + quote(System.getProperty("java.class.path")) + " " + CrmAttribute.class.getName() + " \"$@\"\n",
        StandardCharsets.UTF_8);
    launcher.toFile().setExecutable(true);
    return dir;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  public static void main(String[] args) throws Exception {
    String name = null;
    String node = System.getenv("OCF_RESKEY_CRM_meta_on_node");
    String value = null;
    boolean delete = false;
    boolean query = false;
    boolean quiet = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--promotion", "-p" -> name = "master-" + baseName(System.getenv("OCF_RESOURCE_INSTANCE"));
        case "-n", "--name" -> name = args[++i];
        case "-N", "--node" -> node = args[++i];
        case "-v", "--update" -> value = args[++i];
        case "-D", "--delete" -> delete = true;
        case "-G", "--query" -> query = true;
        case "-q", "--quiet" -> quiet = true;
        case "-l", "--lifetime", "-t", "--type" -> i++;
        default -> { }
      }
    }
    String socket = System.getenv("VIGIL_SOCKET");
    if (name == null || node == null || socket == null || (value == null && !delete && !query)) {
      System.err.println("crm_attribute: needs a name (-n or --promotion), a node (-N or OCF_RESKEY_CRM_meta_on_node),"
          + " VIGIL_SOCKET and one of -v VALUE, -D, -G");
      System.exit(2);
    }
    try (VigilClient client = VigilClient.connect(Path.of(socket))) {
      if (query) {
        Cib cib = CibXml.parse(client.query(Scope.CIB).xml(), socket);
        String attribute = name;
        Optional<String> v = cib.status().nodeState(node).flatMap(s -> s.transientAttribute(attribute));
        if (v.isEmpty()) {
          System.err.println("crm_attribute: no attribute " + name + " on node " + node);
          System.exit(6);
        }
        System.out.println(quiet ? v.get() : "scope=status  name=" + name + " value=" + v.get());
        return;
      }
      for (int attempt = 1; ; attempt++) {
        Cib cib = CibXml.parse(client.query(Scope.CIB).xml(), socket);
        Cib next = CibEdits.setTransientAttribute(cib, node, name, delete ? null : value);
        if (next.equals(cib)) {
          return;
        }
        try {
          client.replace(Scope.CIB, CibXml.write(next), Optional.of(cib.version()));
          return;
        } catch (VigilClient.RefusedException e) {
          if (attempt >= ATTEMPTS) {
            System.err.println("crm_attribute: " + e.getMessage());
            System.exit(1);
          }
        }
      }
    }
  }

  /** {@code rsc:2} -> {@code rsc}: promotion scores belong to the clone's primitive. */
  private static String baseName(String instance) {
    if (instance == null) {
      return null;
    }
    int colon = instance.indexOf(':');
    return colon < 0 ? instance : instance.substring(0, colon);
  }
}
