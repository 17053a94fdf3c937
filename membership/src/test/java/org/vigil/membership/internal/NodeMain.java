package org.vigil.membership.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigil.membership.FailureDetection;
import org.vigil.membership.Membership;
import org.vigil.membership.MembershipConfig;
import org.vigil.membership.MembershipEvent;
import org.vigil.membership.MembershipListener;
import org.vigil.membership.Node;
import org.vigil.membership.NodeConfig;
import org.vigil.membership.quorum.QuorumOptions;

/**
 * One cluster node in its own JVM, for multi-process tests and the benchmark:
 * {@code NodeMain CLUSTER LOCAL_NAME KEY_FILE name:id:address:port ...}. Prints {@code READY} once
 * joined and one line per event; runs until its standard input closes or it is killed.
 */
public final class NodeMain {

    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: NodeMain CLUSTER LOCAL_NAME KEY_FILE name:id:address:port ...");
            System.exit(2);
        }
        List<NodeConfig> nodes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] f = args[i].split(":");
            nodes.add(new NodeConfig(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3])));
        }
        MembershipConfig config = new MembershipConfig(args[0], args[1], nodes, QuorumOptions.defaults(),
                FailureDetection.defaults(), Path.of(args[2]));
        try (Membership m = Membership.start(config, new MembershipListener() {
            @Override
            public void onEvent(MembershipEvent event) {
                System.out.println("EVENT " + event.getClass().getSimpleName() + " " + event.view().members());
            }

            @Override
            public void onMessage(Node from, byte[] payload) {
                System.out.println("MESSAGE " + from.name() + " " + new String(payload, StandardCharsets.UTF_8));
            }
        })) {
            System.out.println("READY " + m.view().members());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // Lines are ignored: the node runs until its input closes.
            }
        }
    }

    /** The arguments that start {@code node} of {@code config} with this main class. */
    static List<String> command(MembershipConfig config, String node) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), NodeMain.class.getName(),
                config.clusterName(), node, config.keyFile().toString()));
        for (NodeConfig n : config.nodes()) {
            cmd.add(n.name() + ":" + n.id() + ":" + n.address() + ":" + n.port());
        }
        return cmd;
    }
}
