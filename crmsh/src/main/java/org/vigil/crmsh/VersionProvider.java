package org.vigil.crmsh;

import picocli.CommandLine.IVersionProvider;

/** {@code crm --version}. */
public final class VersionProvider implements IVersionProvider {
  public static final String VERSION = "0.1.0";

  @Override
  public String[] getVersion() {
    return new String[] {"crm (Vigil " + VERSION + "), crmsh 4.4 syntax, Pacemaker 2.1.5 CIB"};
  }
}
