package org.vigil.membership.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jgroups.protocols.AUTH;
import org.jgroups.protocols.BARRIER;
import org.jgroups.protocols.DISCARD;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG2;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP_NIO2;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;
import org.vigil.membership.FailureDetection;
import org.vigil.membership.MembershipConfig;
import org.vigil.membership.NodeConfig;

/**
 * Builds the protocol stack, bottom to top. It is JGroups' tcp.xml, changed for a small static cluster:
 * <ul>
 * <li>TCP_NIO2 bound to exactly the node's configured address and port (no port range), TCPPING with the
 *     node list and no port range: corosync's static nodelist, working on loopback and in network
 *     namespaces. NIO because the blocking TCP transport dials a peer under a lock on the one sending
 *     thread: a powered-off peer (nothing answers, not even ARP) held every heartbeat for up to the
 *     connect timeout and made the survivors suspect each other;</li>
 * <li>{@link ClusterSeal} right above the transport, so every message is sealed with the cluster key;</li>
 * <li>FD_SOCK2 (a crashed process closes its sockets: suspected at once), FD_ALL3 (a hung or cut-off node
 *     stops heartbeating) and VERIFY_SUSPECT2 (a suspect gets one more chance to answer directly, so a
 *     single lost heartbeat does not evict anyone), all from {@link FailureDetection};</li>
 * <li>MERGE3 with short intervals so healed partitions merge in seconds, not the stock ~50 s;</li>
 * <li>AUTH with {@link NodeListToken} right below GMS: joins and merges are checked against the node list.</li>
 * </ul>
 * A DISCARD layer is added under the seal only when fault injection is asked for (tests, benchmarks).
 */
final class StackFactory {

    private StackFactory() {
    }

    static List<Protocol> build(MembershipConfig config, ClusterSeal seal, NodeListToken joinCheck,
            boolean faultInjection)
            throws UnknownHostException {
        NodeConfig self = config.localNode();
        FailureDetection fd = config.failureDetection();
        InetAddress bind = InetAddress.getByName(self.address());

        List<InetSocketAddress> hosts = new ArrayList<>();
        for (NodeConfig n : config.nodes()) {
            hosts.add(new InetSocketAddress(InetAddress.getByName(n.address()), n.port()));
        }

        List<Protocol> stack = new ArrayList<>();
        TCP_NIO2 tcp = new TCP_NIO2();
        tcp.setBindAddress(bind);
        tcp.setBindPort(self.port());
        tcp.setPortRange(0);
        stack.add(tcp);
        if (faultInjection) {
            stack.add(new DISCARD());
        }
        stack.add(seal);
        stack.add(new TCPPING().setInitialHosts(hosts).setPortRange(0));
        long mergeMax = fd.mergeMaxInterval().toMillis();
        stack.add(new MERGE3().setMinInterval(fd.mergeMinInterval().toMillis()).setMaxInterval(mergeMax)
                .setCheckInterval(mergeMax + mergeMax / 2));
        stack.add(new FD_SOCK2().setBindAddress(bind));
        stack.add(new FD_ALL3().setTimeout(fd.timeout().toMillis()).setInterval(fd.interval().toMillis()));
        stack.add(new VERIFY_SUSPECT2().setTimeout(fd.verifyTimeout().toMillis()));
        stack.add(new BARRIER());
        NAKACK2 nakack = new NAKACK2();
        nakack.setValue("use_mcast_xmit", false);
        stack.add(nakack);
        stack.add(new UNICAST3());
        STABLE stable = new STABLE();
        stable.setValue("desired_avg_gossip", 5000L);
        stable.setValue("max_bytes", 4_000_000L);
        stack.add(stable);
        AUTH auth = new AUTH().setAuthToken(joinCheck);
        joinCheck.setAuth(auth);
        stack.add(auth);
        GMS gms = new GMS().setJoinTimeout(fd.joinTimeout().toMillis());
        gms.setValue("print_local_addr", false);
        gms.setViewAckCollectionTimeout(1000);
        gms.setLeaveTimeout(1000);
        stack.add(gms);
        stack.add(new MFC());
        stack.add(new UFC());
        stack.add(new FRAG2());
        return stack;
    }
}
