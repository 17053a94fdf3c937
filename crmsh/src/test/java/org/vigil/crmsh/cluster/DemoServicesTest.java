package org.vigil.crmsh.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Role;
import org.vigil.pe.render.CloneView;
import org.vigil.pe.render.GroupView;
import org.vigil.pe.render.NodeView;
import org.vigil.pe.render.PrimitiveView;
import org.vigil.pe.render.ResourceView;
import org.vigil.pe.render.StatusView;

class DemoServicesTest {
  private static final String DUMMY = "ocf:pacemaker:Dummy";
  private static final List<NodeView> THREE = List.of(NodeView.online("node1"), NodeView.online("node2"),
      NodeView.online("node3"));

  private static PrimitiveView on(String id, String... nodes) {
    return PrimitiveView.of(id, DUMMY, nodes.length == 0 ? Role.STOPPED : Role.STARTED, List.of(nodes));
  }

  private static CloneView clone(PrimitiveView... instances) {
    return new CloneView("ping-clone", "ping", false, false, true, false, false, List.<ResourceView>of(instances),
        3, List.of("node1", "node2", "node3"), Map.of());
  }

  private static StatusView view(List<NodeView> nodes, ResourceView... resources) {
    return new StatusView(nodes, List.of(resources), false);
  }

  @Test
  void theDemoIsUpOnceTheGroupRunsAndTheCloneRunsOnEveryOnlineNode() {
    GroupView service = new GroupView("service", List.of(on("vip", "node2"), on("fs", "node2"), on("db", "node2")),
        true, false);
    StatusView up = view(THREE, service, clone(on("ping:0", "node1"), on("ping:1", "node2"), on("ping:2", "node3")));
    assertThat(DemoServices.notStarted(up)).isEmpty();
    assertThat(DemoServices.nodeOf(up, "service")).contains("node2");
    assertThat(DemoServices.anyActive(up)).isTrue();
  }

  @Test
  void whatDoesNotRunYetIsNamed() {
    GroupView service = new GroupView("service", List.of(on("vip", "node2"), on("fs"), on("db")), true, false);
    StatusView starting = view(THREE, service, clone(on("ping:0", "node1"), on("ping:1")));
    assertThat(DemoServices.notStarted(starting))
        .containsExactly("fs (Stopped)", "db (Stopped)", "ping-clone (1 of 3 started)");
    assertThat(DemoServices.nodeOf(starting, "service")).as("only part of the group runs").contains("node2");
  }

  @Test
  void aFailedOrDoublyActiveResourceIsNotStartedAndAnOfflineNodeNeedsNoCloneInstance() {
    PrimitiveView failed = new PrimitiveView("vip", DUMMY, Role.STARTED, List.of("node1"), true, false, true, false,
        false, false, null, null, null);
    PrimitiveView twice = PrimitiveView.of("db", DUMMY, Role.STARTED, List.of("node1", "node2"));
    List<NodeView> twoOnline = List.of(NodeView.online("node1"), NodeView.online("node2"), NodeView.offline("node3"));
    StatusView v = view(twoOnline, failed, twice, clone(on("ping:0", "node1"), on("ping:1", "node2")));
    assertThat(DemoServices.notStarted(v)).containsExactly("vip (FAILED)", "db (active on [node1, node2])");
    assertThat(DemoServices.nodeOf(v, "db")).isEmpty();
  }

  @Test
  void nothingActiveOnceEverythingStopped() {
    assertThat(DemoServices.anyActive(view(THREE, on("vip"), clone(on("ping:0"))))).isFalse();
  }
}
