package org.vigil.crmsh.cib;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vigil.cib.model.Cib;
import org.vigil.crmsh.CrmException;

/** Where a crm command reads and writes its CIB. */
public interface CibAccess {
  /** The current CIB. */
  Cib read();

  /**
   * Replaces the CIB with {@code next}, provided the stored one still has the version of
   * {@code base} (nobody else wrote in between). The caller sets the new version.
   */
  void commit(Cib base, Cib next);

  /** Where this access goes, for messages ("file /tmp/cib.xml", "node1 via /run/..."). */
  String describe();

  /**
   * {@code CIB_file} when set, else the vigild socket: {@code socketOption} ({@code crm --socket
   * PATH}), else {@code VIGIL_SOCKET}, else the first of {@link #DEFAULT_SOCKETS} that exists.
   */
  static CibAccess fromEnvironment(Map<String, String> env, String socketOption) {
    String file = env.get("CIB_file");
    if (file != null && !file.isEmpty()) {
      return new FileCibAccess(Path.of(file));
    }
    return new LiveCibAccess(socket(env, socketOption));
  }

  /**
   * Where vigild is looked for when neither {@code --socket} nor {@code VIGIL_SOCKET} says: a
   * node installed with data directory /var/lib/vigil, then node1 of {@code crm cluster demo}.
   */
  List<Path> DEFAULT_SOCKETS = List.of(Path.of("/var/lib/vigil/vigild.sock"),
      Path.of(System.getProperty("java.io.tmpdir"), "vigil-demo", "node1", "vigild.sock"));

  /** The vigild socket chosen as {@link #fromEnvironment} does. */
  static Path socket(Map<String, String> env, String socketOption) {
    if (socketOption != null && !socketOption.isEmpty()) {
      return Path.of(socketOption);
    }
    String fromEnv = env.get("VIGIL_SOCKET");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Path.of(fromEnv);
    }
    for (Path p : DEFAULT_SOCKETS) {
      if (Files.exists(p)) {
        return p;
      }
    }
    throw new CrmException("no CIB_file set and no vigild socket found (tried " + DEFAULT_SOCKETS
        + "); use --socket PATH or VIGIL_SOCKET=PATH for a running node, or CIB_file=PATH for a CIB file");
  }
}
