package org.vigil.membership.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jgroups.Address;
import org.jgroups.Message;
import org.jgroups.PhysicalAddress;
import org.jgroups.View;
import org.jgroups.auth.AuthToken;
import org.jgroups.stack.IpAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.membership.Node;
import org.vigil.membership.NodeConfig;

/**
 * The join check of JGroups' AUTH protocol, against the node list: the coordinator admits a joining
 * (or merging) process only if its address carries the name and id of a configured node, it connects
 * from that node's configured address and port, and no other current member already is that node.
 *
 * <p>The key check happens below, in {@link ClusterSeal}: a process without the key never gets this far.
 * This check refuses processes that have the key but a wrong or duplicate identity (a copied
 * configuration, a second daemon for the same node). The token itself carries no data: the identity
 * travels, authenticated, in the sender's address.
 */
public final class NodeListToken extends AuthToken {

    private static final Logger LOG = LoggerFactory.getLogger(NodeListToken.class);

    private final Map<Integer, NodeConfig> nodesById;
    private final Function<Address, Optional<Node>> identify;
    private final Supplier<View> currentView;

    /** The form JGroups instantiates when it reads a peer's token; it is never asked to authenticate. */
    public NodeListToken() {
        this(Map.of(), a -> Optional.empty(), () -> null);
    }

    NodeListToken(Map<Integer, NodeConfig> nodesById, Function<Address, Optional<Node>> identify,
            Supplier<View> currentView) {
        this.nodesById = Map.copyOf(nodesById);
        this.identify = identify;
        this.currentView = currentView;
    }

    @Override
    public String getName() {
        return getClass().getName();
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public void writeTo(DataOutput out) {
        // No data: identity is in the authenticated source address.
    }

    @Override
    public void readFrom(DataInput in) {
        // No data.
    }

    @Override
    public boolean authenticate(AuthToken remote, Message msg) {
        Optional<String> refusal = refusal(msg.getSrc());
        refusal.ifPresent(why -> LOG.warn("Refused {} into the cluster: {}", msg.getSrc(), why));
        return refusal.isEmpty();
    }

    private Optional<String> refusal(Address joiner) {
        Optional<Node> node = identify.apply(joiner);
        if (node.isEmpty()) {
            return Optional.of("its name and id are not a node of the node list");
        }
        NodeConfig configured = nodesById.get(node.get().id());
        PhysicalAddress physical = auth == null ? null : auth.getTransport().getPhysicalAddressFromCache(joiner);
        if (physical instanceof IpAddress ip && (ip.getPort() != configured.port()
                || !sameHost(ip, configured.address()))) {
            return Optional.of(node.get() + " must connect from " + configured.address() + ":" + configured.port()
                    + ", not " + ip);
        }
        View view = currentView.get();
        if (view != null) {
            for (Address member : view.getMembers()) {
                if (!member.equals(joiner) && identify.apply(member).equals(node)) {
                    return Optional.of(node.get() + " is already a member as " + member
                            + " (a second process for the same node, or a restart before the old one was declared lost)");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean sameHost(IpAddress ip, String configuredAddress) {
        try {
            return java.net.InetAddress.getByName(configuredAddress).equals(ip.getIpAddress());
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
