package org.vigil.controller.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.controller.fencing.Fencer;
import org.vigil.controller.transition.ActionOutcome;
import org.vigil.controller.transition.ActionReport;
import org.vigil.controller.transition.StatusChange;
import org.vigil.controller.transition.TransitionKey;
import org.vigil.pe.GraphAction;
import org.vigil.pe.GraphAction.Kind;

class ClusterDispatcherTest {
  private static final Path AGENTS = Path.of("src/test/resources/fence-agents").toAbsolutePath();

  private record Sent(String node, int actionId, PlannedOperation op, TransitionKey key) {}

  private final List<Sent> sent = new ArrayList<>();
  private final List<ActionReport> reports = new ArrayList<>();

  private ClusterDispatcher dispatcher(String resources) throws Exception {
    Cib cib = CibXml.parse("""
        <cib epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/>
          <nodes><node id="1" uname="n1"/><node id="2" uname="n2"/></nodes>
          <resources>%s</resources><constraints/></configuration><status/></cib>
        """.formatted(resources), "test");
    return new ClusterDispatcher(() -> cib, (node, id, op, key) -> sent.add(new Sent(node, id, op, key)),
        new Fencer(List.of(AGENTS)), Runnable::run, reports::add);
  }

  private static GraphAction action(int id, Kind kind, String rsc, String task, String node) {
    return new GraphAction(id, kind, rsc, task, 0, node, List.of(), Map.of());
  }

  @Test
  void resourceActionsGoToTheirNodePlannedFromTheCib() throws Exception {
    ClusterDispatcher d = dispatcher("<primitive id=\"db\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>");
    TransitionKey key = new TransitionKey(3, 1, 0, "dc");
    d.dispatch(action(3, Kind.RESOURCE, "db", "start", "n2"), key);
    assertThat(sent).singleElement().satisfies(s -> {
      assertThat(s.node()).isEqualTo("n2");
      assertThat(s.actionId()).isEqualTo(3);
      assertThat(s.op().type()).isEqualTo("Dummy");
      assertThat(s.key()).isEqualTo(key);
    });
    assertThat(reports).isEmpty();
  }

  @Test
  void anActionForAResourceNotInTheCibFailsAtOnce() throws Exception {
    ClusterDispatcher d = dispatcher("");
    d.dispatch(action(3, Kind.RESOURCE, "gone", "stop", "n2"), new TransitionKey(3, 1, 0, "dc"));
    assertThat(sent).isEmpty();
    assertThat(reports).singleElement().satisfies(r -> assertThat(r.result().outcome())
        .isEqualTo(new ActionOutcome.Failed(3, 1, "resource gone (action 3, gone_stop_0) is not a primitive in the CIB")));
  }

  @Test
  void clusterActionsBecomeStatusChanges() throws Exception {
    ClusterDispatcher d = dispatcher("");
    d.dispatch(action(1, Kind.CLUSTER, "db", "clear_failcount", "n1"), new TransitionKey(1, 1, 0, "dc"));
    d.dispatch(action(2, Kind.CLUSTER, "db", "lrm_delete", "n2"), new TransitionKey(2, 1, 0, "dc"));
    d.dispatch(action(3, Kind.CLUSTER, null, "do_shutdown", "n2"), new TransitionKey(3, 1, 0, "dc"));
    d.dispatch(action(4, Kind.CLUSTER, null, "reboot_universe", "n2"), new TransitionKey(4, 1, 0, "dc"));
    assertThat(reports).extracting(r -> r.result().statusChanges()).containsExactly(
        List.of(new StatusChange.FailuresCleared("n1", "db")), List.of(new StatusChange.HistoryForgotten("n2", "db")),
        List.of(), List.of());
    assertThat(reports).extracting(r -> r.result().outcome()).containsExactly(ActionOutcome.succeeded(1),
        ActionOutcome.succeeded(2), ActionOutcome.succeeded(3),
        new ActionOutcome.Failed(4, 1, "cluster action reboot_universe is not supported"));
  }

  @Test
  void fencingRunsTheDevicesAndRecordsTheNodeAsFenced() throws Exception {
    ClusterDispatcher d = dispatcher("""
        <primitive id="kill" class="stonith" type="fence_vigil"><instance_attributes id="k">
          <nvpair id="k-p" name="pidfile_pattern" value="/nonexistent/%s.pid"/></instance_attributes></primitive>""");
    d.dispatch(new GraphAction(5, Kind.FENCE, null, "stonith", 0, "n2", List.of(), Map.of("action", "off")),
        new TransitionKey(5, 1, 0, "dc"));
    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.result().outcome()).isEqualTo(ActionOutcome.succeeded(5));
      assertThat(r.result().statusChanges()).containsExactly(new StatusChange.NodeFenced("n2"));
    });
  }

  @Test
  void fencingWithoutADeviceFails() throws Exception {
    ClusterDispatcher d = dispatcher("");
    d.dispatch(new GraphAction(5, Kind.FENCE, null, "stonith", 0, "n2", List.of(), Map.of()),
        new TransitionKey(5, 1, 0, "dc"));
    assertThat(reports).singleElement().satisfies(r -> assertThat(r.result().outcome())
        .isEqualTo(new ActionOutcome.Failed(5, 1, "no fencing device can fence n2")));
  }
}
