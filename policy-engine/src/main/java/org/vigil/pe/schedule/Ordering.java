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
 */
record Ordering(String id, Rsc first, String firstAction, Rsc then, String thenAction, Kind kind) {
  enum Kind {
    MANDATORY,
    OPTIONAL,
    SERIALIZE
  }
}
