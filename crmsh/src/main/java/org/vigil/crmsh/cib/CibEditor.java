package org.vigil.crmsh.cib;

import java.util.function.UnaryOperator;
import org.vigil.cib.edit.CibEdits;
import org.vigil.cib.model.Cib;
import org.vigil.cib.validate.CibValidator;
import org.vigil.cib.validate.Problem;
import org.vigil.crmsh.CrmException;

/** Read, change, check, commit: the shape of every crm command that edits the CIB. */
public final class CibEditor {
  private CibEditor() {}

  /** How often an edit is redone when the CIB changed under it (a live cluster writes results). */
  static final int ATTEMPTS = 10;

  /**
   * Applies {@code change} to the current CIB and commits it with the epoch bumped when the
   * configuration changed (num_updates when only the status did). A change that leaves the
   * configuration with errors is refused and nothing is written. When the CIB changed between the
   * read and the write (a live cluster records operation results all the time), the change is
   * applied again to a fresh read, up to {@value #ATTEMPTS} times: it is a function of the CIB, so
   * the retry does what the operator asked on top of what the cluster wrote.
   */
  public static Cib edit(CibAccess access, UnaryOperator<Cib> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return editOnce(access, change);
      } catch (CibConflictException e) {
        if (attempt == ATTEMPTS) {
          throw new CrmException("the CIB kept changing while this command edited it (" + ATTEMPTS
              + " attempts); nothing written: " + e.getMessage());
        }
        pause(10L * attempt);
      }
    }
  }

  private static Cib editOnce(CibAccess access, UnaryOperator<Cib> change) {
    Cib current = access.read();
    Cib next;
    try {
      next = change.apply(current);
    } catch (CibEdits.NotFound e) {
      throw new CrmException(e.getMessage());
    }
    if (next.equals(current)) {
      return current;
    }
    boolean configChanged = !next.configuration().equals(current.configuration());
    next = next.withVersion(configChanged ? current.version().nextEpoch() : current.version().nextUpdate());
    if (configChanged) {
      var errors = CibValidator.validate(next).stream().filter(Problem::isError).toList();
      if (!errors.isEmpty()) {
        throw new CrmException(errors.get(0).message() + "; the CIB is unchanged");
      }
    }
    access.commit(current, next);
    return next;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CrmException("interrupted");
    }
  }
}
