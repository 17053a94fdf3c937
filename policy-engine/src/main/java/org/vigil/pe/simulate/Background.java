package org.vigil.pe.simulate;

import java.util.function.Supplier;

/**
 * Where the current status of a large cluster is worked out while its transition is scheduled.
 * The engine starts no threads of its own (it stays a pure function); a caller that has a
 * second core to offer passes a background that runs the work on it.
 */
@FunctionalInterface
public interface Background {
  /** Starts {@code work}; the supplier returned gives its result, or throws its failure, when asked once. */
  Supplier<String> start(Supplier<String> work);

  /** No second thread: the work is done when its result is asked for. */
  Background INLINE = work -> work;
}
