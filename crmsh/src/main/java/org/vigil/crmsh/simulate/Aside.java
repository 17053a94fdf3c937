package org.vigil.crmsh.simulate;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.vigil.pe.simulate.Background;

/**
 * A value worked out on a thread of its own while the caller goes on, or by the caller when it
 * asks for it if {@code parallel} was false. A failure is thrown to whoever asks, as it was.
 * {@link #BACKGROUND} lends {@code crm simulate}'s second core to the policy engine.
 */
final class Aside<T> {
  static final Background BACKGROUND = work -> new Aside<>(work, true)::get;

  private final FutureTask<T> task;
  private final boolean started;

  Aside(Supplier<T> work, boolean parallel) {
    this.task = new FutureTask<>(work::get);
    this.started = parallel;
    if (parallel) {
      Thread t = new Thread(task, "vigil-aside");
      t.setDaemon(true);
      t.start();
    }
  }

  T get() {
    if (!started) {
      task.run();
    }
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + task, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
