package org.vigil.membership;

import java.util.Objects;

/**
 * A cluster node as the rest of Vigil knows it: its configured name and id (corosync's nodeid),
 * never a transport address.
 */
public record Node(String name, int id) implements Comparable<Node> {

    public Node {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(Node other) {
        return Integer.compare(id, other.id);
    }

    @Override
    public String toString() {
        return name + "(" + id + ")";
    }
}
