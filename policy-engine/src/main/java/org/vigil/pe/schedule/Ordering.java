package org.vigil.pe.schedule;

/**
 * An ordering between actions of two resources of the working tree.
 *
 * @param id the constraint id (or a description of the implicit ordering)
 * @param first the resource whose action goes first
 * @param firstAction start, stop, promote, demote (or the collective's running/stopped)
 * @param then the resource whose action follows
 * @param thenAction the action that follows
 * @param kind mandatory, optional or serialize
 * @param inverse the reverse of a symmetrical constraint (its {@code first} is the constraint's then)
 * @param countsInstances the constraint waits for a number of its first clone's instances
 *     (clone-min, require-all=false) rather than pairing instances node by node
 * @param asymmetrical a symmetrical="false" constraint: an unrunnable first blocks then only
 *     when then has to happen anyway (a running then is not stopped for it)
 */
record Ordering(String id, Rsc first, String firstAction, Rsc then, String thenAction, Kind kind,
    boolean inverse, boolean countsInstances, boolean asymmetrical) {
  Ordering(String id, Rsc first, String firstAction, Rsc then, String thenAction, Kind kind) {
    this(id, first, firstAction, then, thenAction, kind, false, false, false);
  }

  Ordering(String id, Rsc first, String firstAction, Rsc then, String thenAction, Kind kind,
      boolean inverse, boolean countsInstances) {
    this(id, first, firstAction, then, thenAction, kind, inverse, countsInstances, false);
  }

  /** The resource that depends on the other: the constraint's then, whichever way this runs. */
  Rsc dependent() {
    return inverse ? first : then;
  }

  enum Kind {
    MANDATORY,
    OPTIONAL,
    SERIALIZE
  }
}
