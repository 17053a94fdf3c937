package org.vigil.membership.quorum;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which side of an exact 50/50 split keeps quorum under auto_tie_breaker
 * (votequorum's {@code auto_tie_breaker_node: lowest|highest|<list of node ids>}).
 *
 * @param mode   lowest id, highest id, or the first listed id present
 * @param nodeIds the ordered candidates for {@link Mode#LIST}; empty otherwise
 */
public record TieBreaker(Mode mode, List<Integer> nodeIds) {

    /** How the tie-breaking node is picked among the nodes present before the split. */
    public enum Mode { LOWEST, HIGHEST, LIST }

    public TieBreaker {
        nodeIds = List.copyOf(nodeIds);
        if (mode == Mode.LIST && nodeIds.isEmpty()) {
            throw new IllegalArgumentException("auto_tie_breaker_node: a node list needs at least one node id");
        }
    }

    public static TieBreaker lowest() {
        return new TieBreaker(Mode.LOWEST, List.of());
    }

    public static TieBreaker highest() {
        return new TieBreaker(Mode.HIGHEST, List.of());
    }

    public static TieBreaker nodes(List<Integer> ids) {
        return new TieBreaker(Mode.LIST, ids);
    }

    /** The node whose side wins, chosen among the nodes that were together before the split. */
    Optional<Integer> choose(Collection<Integer> before) {
        return switch (mode) {
            case LOWEST -> before.stream().min(Integer::compare);
            case HIGHEST -> before.stream().max(Integer::compare);
            case LIST -> nodeIds.stream().filter(before::contains).findFirst();
        };
    }
}
