package org.vigil.membership;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vigil.membership.quorum.Quorum;
import org.vigil.membership.quorum.QuorumOptions;

/**
 * Everything membership needs to start one node: the equivalent of corosync.conf's totem cluster name,
 * nodelist, quorum section and authkey.
 *
 * @param clusterName      nodes only talk to nodes of the same cluster name
 * @param localNodeName    which entry of {@code nodes} this process is
 * @param nodes            the static node list; every node connects to the others' address and port
 * @param quorum           votequorum options
 * @param failureDetection detection and merge timeouts
 * @param keyFile          the shared cluster key (see {@link KeyFile})
 */
public record MembershipConfig(
        String clusterName,
        String localNodeName,
        List<NodeConfig> nodes,
        QuorumOptions quorum,
        FailureDetection failureDetection,
        Path keyFile) {

    public MembershipConfig {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(localNodeName, "localNodeName");
        Objects.requireNonNull(quorum, "quorum");
        Objects.requireNonNull(failureDetection, "failureDetection");
        Objects.requireNonNull(keyFile, "keyFile");
        nodes = List.copyOf(nodes);
        if (clusterName.isBlank()) {
            throw new IllegalArgumentException("cluster name must not be empty");
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("node list is empty");
        }
        Set<String> names = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        Set<String> endpoints = new HashSet<>();
        for (NodeConfig n : nodes) {
            if (!names.add(n.name())) {
                throw new IllegalArgumentException("node list: name '" + n.name() + "' appears twice");
            }
            if (!ids.add(n.id())) {
                throw new IllegalArgumentException("node list: id " + n.id() + " appears twice (node " + n.name() + ")");
            }
            if (!endpoints.add(n.address() + ":" + n.port())) {
                throw new IllegalArgumentException("node list: " + n.address() + ":" + n.port()
                        + " is used by two nodes (second: " + n.name() + ")");
            }
        }
        if (!names.contains(localNodeName)) {
            throw new IllegalArgumentException("this node '" + localNodeName + "' is not in the node list " + names);
        }
        Map<Integer, Integer> votes = new LinkedHashMap<>();
        nodes.forEach(n -> votes.put(n.id(), n.votes()));
        Quorum.initial(votes, quorum); // rejects option combinations votequorum refuses
    }

    public NodeConfig localNode() {
        return nodes.stream().filter(n -> n.name().equals(localNodeName)).findFirst().orElseThrow();
    }

    /** Node id to votes, in node list order. */
    public Map<Integer, Integer> votesById() {
        Map<Integer, Integer> votes = new LinkedHashMap<>();
        nodes.forEach(n -> votes.put(n.id(), n.votes()));
        return votes;
    }

    /** The same cluster seen from another node of the list. */
    public MembershipConfig asNode(String nodeName) {
        return new MembershipConfig(clusterName, nodeName, nodes, quorum, failureDetection, keyFile);
    }

    public MembershipConfig withKeyFile(Path path) {
        return new MembershipConfig(clusterName, localNodeName, nodes, quorum, failureDetection, path);
    }
}
