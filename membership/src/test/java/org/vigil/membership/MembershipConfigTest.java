package org.vigil.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.membership.quorum.QuorumOptions;

class MembershipConfigTest {

    private static MembershipConfig config(String local, NodeConfig... nodes) {
        return new MembershipConfig("c", local, List.of(nodes), QuorumOptions.defaults(), FailureDetection.defaults(),
                Path.of("/etc/vigil/authkey"));
    }

    @Test
    void findsTheLocalNodeAndVotes() {
        MembershipConfig c = config("b", new NodeConfig("a", 1, "10.0.0.1", 7800),
                new NodeConfig("b", 2, "10.0.0.2", 7800, 3));
        assertThat(c.localNode().id()).isEqualTo(2);
        assertThat(c.votesById()).containsEntry(1, 1).containsEntry(2, 3);
        assertThat(c.asNode("a").localNode().name()).isEqualTo("a");
    }

    @Test
    void rejectsInconsistentNodeLists() {
        NodeConfig a = new NodeConfig("a", 1, "10.0.0.1", 7800);
        assertThatThrownBy(() -> config("a", a, new NodeConfig("a", 2, "10.0.0.2", 7800)))
                .hasMessageContaining("name 'a' appears twice");
        assertThatThrownBy(() -> config("a", a, new NodeConfig("b", 1, "10.0.0.2", 7800)))
                .hasMessageContaining("id 1 appears twice");
        assertThatThrownBy(() -> config("a", a, new NodeConfig("b", 2, "10.0.0.1", 7800)))
                .hasMessageContaining("10.0.0.1:7800 is used by two nodes");
        assertThatThrownBy(() -> config("z", a)).hasMessageContaining("'z' is not in the node list");
        assertThatThrownBy(() -> new NodeConfig("a", 0, "h", 1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new NodeConfig("a b", 1, "h", 1)).hasMessageContaining("node name 'a b'");
        assertThatThrownBy(() -> new NodeConfig("a", 1, "h", 70000)).hasMessageContaining("port");
    }

    @Test
    void rejectsFailureDetectionThatCannotWork() {
        FailureDetection d = FailureDetection.defaults();
        assertThatThrownBy(() -> new FailureDetection(d.interval(), d.timeout(), d.verifyTimeout(),
                d.mergeMinInterval(), d.mergeMaxInterval(), d.joinTimeout()))
                .hasMessageContaining("interval").hasMessageContaining("shorter than timeout");
    }
}
