package org.vigil.pe;

import java.nio.file.Path;
import java.time.Instant;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.ClusterStatus;
import org.vigil.pe.status.NodeStatus;
import org.vigil.pe.status.ResourceState;

/** Prints what the scheduler sees and decides for one CIB file. Not a test: run it by hand. */
public final class DebugCase {
  public static void main(String[] args) throws Exception {
    Cib cib = CibXml.read(Path.of(args[0]));
    Instant now = cib.executionDate().orElse(Instant.now());
    ClusterState s = ClusterStatus.unpack(cib, now);
    for (NodeStatus n : s.nodes()) {
      System.out.println("node " + n.name() + " online=" + n.online() + " unclean=" + n.unclean() + " pending="
          + n.pending() + " standby=" + n.standby() + " canRun=" + n.canRunResources());
    }
    for (ResourceState r : s.resources()) {
      System.out.println("rsc " + r.id() + " active=" + r.activeNodes() + " role=" + r.role() + " failed=" + r.failed()
          + " managed=" + r.managed() + " orphan=" + r.orphan() + " fc=" + r.failCounts().values()
          + " hist=" + r.histories().values().stream().map(h -> h.node() + ":" + h.role() + ":" + h.onFail()).toList());
    }
    Transition t = new PacemakerScheduler().schedule(cib, now);
    t.summary().forEach(System.out::println);
    if (args.length > 1) {
      t.actions().forEach(a -> System.out.println(a.id() + " " + a.kind() + " " + a.operationKey() + " " + a.node() + " <- " + a.predecessors()));
    }
  }
}
