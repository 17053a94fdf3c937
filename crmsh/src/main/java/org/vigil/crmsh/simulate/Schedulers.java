package org.vigil.crmsh.simulate;

import java.util.ServiceLoader;
import org.vigil.crmsh.CrmException;
import org.vigil.pe.Scheduler;

/** Finds the policy engine's scheduler (registered as a {@link ServiceLoader} provider). */
final class Schedulers {
  private Schedulers() {}

  static Scheduler load() {
    return ServiceLoader.load(Scheduler.class).findFirst()
        .orElseThrow(() -> new CrmException("no scheduler in this build: policy-engine registers no "
            + Scheduler.class.getName() + " implementation"));
  }
}
