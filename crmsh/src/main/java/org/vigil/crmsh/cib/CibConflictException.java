package org.vigil.crmsh.cib;

import org.vigil.crmsh.CrmException;

/** The CIB changed between a command's read and its write; nothing was written. */
public final class CibConflictException extends CrmException {
  private static final long serialVersionUID = 1L;

  public CibConflictException(String message) {
    super(message);
  }
}
