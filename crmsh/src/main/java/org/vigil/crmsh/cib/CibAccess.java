package org.vigil.crmsh.cib;

import java.nio.file.Path;
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

  /** CIB_file when set, else the local vigild's socket. */
  static CibAccess fromEnvironment(Map<String, String> env, String socketOption) {
    String file = env.get("CIB_file");
    if (file != null && !file.isEmpty()) {
      return new FileCibAccess(Path.of(file));
    }
    throw new CrmException("no CIB_file set and no live cluster connection available in this build "
        + "(set CIB_file=PATH to work on a CIB file)");
  }
}
