package org.vigil.pe.schedule;

import java.util.List;

/**
 * An ordering whose then side waits for some, not all, of its firsts: the instances of a clone
 * with clone-min (at least that many) or an order with require-all=false (at least one), or the
 * members of a resource set with require-all=false. A pseudo-action named {@code name} stands
 * between them: it runs once {@code min} firsts can, after every first that does.
 *
 * @param name the pseudo-action's name ({@code clone-one-or-more:ORDER}, {@code one-or-more:SET})
 * @param firsts the clone's instances, or the set's members
 * @param thens the resources that follow
 */
record OneOrMore(String name, List<Rsc> firsts, String firstAction, int min, List<Rsc> thens,
    String thenAction, Ordering.Kind kind) {}
