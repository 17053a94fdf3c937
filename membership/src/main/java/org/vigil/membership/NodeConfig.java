package org.vigil.membership;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the node list, like a corosync.conf {@code nodelist { node { } }} block.
 *
 * @param name    the node's name (Pacemaker's uname)
 * @param id      the node id, positive and unique (corosync's nodeid)
 * @param address the address the node listens on and others connect to
 * @param port    the TCP port of the cluster transport
 * @param votes   the node's quorum votes (corosync's quorum_votes, usually 1)
 */
public record NodeConfig(String name, int id, String address, int port, int votes) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public NodeConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("node name '" + name + "': use letters, digits, '.', '_' or '-'");
        }
        if (id < 1) {
            throw new IllegalArgumentException("node " + name + ": id must be a positive integer, got " + id);
        }
        if (address.isBlank()) {
            throw new IllegalArgumentException("node " + name + ": address must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("node " + name + ": port must be 1-65535, got " + port);
        }
        if (votes < 0) {
            throw new IllegalArgumentException("node " + name + ": votes must not be negative, got " + votes);
        }
    }

    /** A node with one vote. */
    public NodeConfig(String name, int id, String address, int port) {
        this(name, id, address, port, 1);
    }

    public Node node() {
        return new Node(name, id);
    }
}
