package org.vigil.lrm;

/**
 * Receives the results of a recurring operation: the first one, then one whenever the rc or
 * status differs from the last one reported, and a final {@link ExecStatus#CANCELLED} one
 * when it is cancelled. Called from the executor's threads, one call at a time per
 * operation; it should hand the result over (e.g. enqueue it) and return quickly.
 */
@FunctionalInterface
public interface OperationListener {
  void onResult(OperationResult result);
}
