package org.vigil.pe.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.Role;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.GraphAction;
import org.vigil.pe.GraphAction.Kind;
import org.vigil.pe.Transition;
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.ClusterStatus;

class TransitionSimulatorTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

  private static Cib cib(String resources, String status) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='n1'/><node id='2' uname='n2'/></nodes>"
        + "<resources>" + resources + "</resources><constraints/></configuration><status>" + status + "</status></cib>";
    try {
      return CibXml.parse(xml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String member(String id, String name, String lrm) {
    return "<node_state id='" + id + "' uname='" + name + "' in_ccm='true' crmd='online' join='member' "
        + "expected='member'><lrm id='" + id + "'><lrm_resources>" + lrm + "</lrm_resources></lrm></node_state>";
  }

  private static final String DUMMY = "<primitive id='d' class='ocf' provider='pacemaker' type='Dummy'/>";

  private static GraphAction rsc(int id, String r, String task, long interval, String node, List<Integer> preds,
      Map<String, String> attrs) {
    return new GraphAction(id, Kind.RESOURCE, r, task, interval, node, preds, attrs);
  }

  private static Transition transition(GraphAction... actions) {
    return new Transition(List.of(), List.of(actions), List.of());
  }

  @Test
  void probeThenStartThenMonitorLeavesTheResourceStartedWithItsHistory() {
    Cib before = cib(DUMMY, member("1", "n1", "") + member("2", "n2", ""));
    SimulatedExecution run = TransitionSimulator.run(before, transition(
        rsc(1, "d", "monitor", 0, "n1", List.of(), Map.of("target_rc", "7")),
        rsc(2, "d", "start", 0, "n1", List.of(1), Map.of()),
        rsc(3, "d", "monitor", 10000, "n1", List.of(2), Map.of())), NOW);
    assertThat(run.completed()).isTrue();
    assertThat(run.lines()).containsExactly(
        "* Resource action: d               monitor on n1",
        "* Resource action: d               start on n1",
        "* Resource action: d               monitor=10000 on n1");
    ClusterState after = ClusterStatus.unpack(run.revised(), NOW);
    assertThat(after.resourcesById().get("d").activeNodes()).containsExactly("n1");
    LrmResource history = run.revised().status().nodeState("n1").orElseThrow().lrmResources().get(0);
    assertThat(history.ops()).extracting(LrmRscOp::id).containsExactly("d_last_0", "d_monitor_10000");
    assertThat(history.resourceClass()).isEqualTo("ocf");
  }

  @Test
  void actionsRunOnlyAfterTheirPredecessorsWhateverTheListOrder() {
    Cib before = cib(DUMMY, member("1", "n1", ""));
    SimulatedExecution run = TransitionSimulator.run(before, transition(
        rsc(2, "d", "start", 0, "n1", List.of(1), Map.of()),
        new GraphAction(1, Kind.PSEUDO, "grp", "start", 0, null, List.of(), Map.of())), NOW);
    assertThat(run.lines()).containsExactly("* Pseudo action:   grp_start_0", "* Resource action: d               start on n1");
  }

  @Test
  void stopRemovesRecurringMonitorsAndLeavesTheResourceStopped() {
    String ops = "<lrm_resource id='d' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='d_last_0' operation_key='d_start_0' operation='start' interval='0' call-id='3' rc-code='0' "
        + "op-status='0' transition-key='1:1:0:x'/>"
        + "<lrm_rsc_op id='d_monitor_10000' operation_key='d_monitor_10000' operation='monitor' interval='10000' "
        + "call-id='4' rc-code='0' op-status='0' transition-key='2:1:0:x'/></lrm_resource>";
    Cib before = cib(DUMMY, member("1", "n1", ops));
    SimulatedExecution run = TransitionSimulator.run(before, transition(rsc(1, "d", "stop", 0, "n1", List.of(),
        Map.of())), NOW);
    NodeState n1 = run.revised().status().nodeState("n1").orElseThrow();
    assertThat(n1.lrmResources().get(0).ops()).extracting(LrmRscOp::operation).containsExactly("stop");
    assertThat(n1.lrmResources().get(0).ops().get(0).call()).isEqualTo(5);
    assertThat(ClusterStatus.unpack(run.revised(), NOW).resourcesById().get("d").role()).isEqualTo(Role.STOPPED);
  }

  @Test
  void fencingTakesTheNodeOutAndForgetsItsHistoryButUnfencingDoesNot() {
    String ops = "<lrm_resource id='d' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='d_last_0' operation_key='d_start_0' operation='start' interval='0' call-id='3' rc-code='0' "
        + "op-status='0' transition-key='1:1:0:x'/></lrm_resource>";
    Cib before = cib(DUMMY, member("1", "n1", ops) + member("2", "n2", ""));
    SimulatedExecution run = TransitionSimulator.run(before, transition(
        new GraphAction(1, Kind.FENCE, null, "stonith", 0, "n1", List.of(), Map.of("action", "reboot")),
        new GraphAction(2, Kind.FENCE, null, "stonith", 0, "n2", List.of(), Map.of("action", "on"))), NOW);
    assertThat(run.lines()).containsExactly("* Fencing n1 (reboot)", "* Fencing n2 (on)");
    NodeState n1 = run.revised().status().nodeState("n1").orElseThrow();
    assertThat(n1.inCcm()).isEqualTo("false");
    assertThat(n1.crmd()).isEqualTo("offline");
    assertThat(n1.expected()).isEqualTo("down");
    assertThat(n1.lrmResources()).isEmpty();
    assertThat(run.revised().status().nodeState("n2").orElseThrow().inCcm()).isEqualTo("true");
    ClusterState after = ClusterStatus.unpack(run.revised(), NOW);
    assertThat(after.node("n1").online()).isFalse();
    assertThat(after.node("n1").unclean()).isFalse();
  }

  @Test
  void anonymousCloneInstanceRecordsUnderThePrimitiveIdAndUniqueOnesUnderTheInstance() {
    String clones = "<clone id='c'><primitive id='p' class='ocf' provider='pacemaker' type='Dummy'/></clone>"
        + "<clone id='u'><meta_attributes id='um'><nvpair id='ug' name='globally-unique' value='true'/>"
        + "</meta_attributes><primitive id='q' class='ocf' provider='pacemaker' type='Dummy'/></clone>";
    Cib before = cib(clones, member("1", "n1", ""));
    SimulatedExecution run = TransitionSimulator.run(before, transition(
        rsc(1, "p:1", "start", 0, "n1", List.of(), Map.of()),
        rsc(2, "q:1", "start", 0, "n1", List.of(), Map.of())), NOW);
    assertThat(run.lines()).containsExactly(
        "* Resource action: p:1             start on n1", "* Resource action: q:1             start on n1");
    assertThat(run.revised().status().nodeState("n1").orElseThrow().lrmResources()).extracting(LrmResource::id)
        .containsExactly("p", "q:1");
  }

  @Test
  void anonymousInstanceResultsJoinTheHistoryTheNodeAlreadyKeepsUnderAnotherInstanceNumber() {
    String clone = "<clone id='c'><primitive id='p' class='ocf' provider='pacemaker' type='Dummy'/></clone>";
    String old = "<lrm_resource id='p:1' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='p:1_last_0' operation_key='p:1_start_0' operation='start' interval='0' call-id='3' "
        + "rc-code='0' op-status='0' transition-key='1:1:0:x'/></lrm_resource>";
    SimulatedExecution run = TransitionSimulator.run(cib(clone, member("1", "n1", old)), transition(
        rsc(1, "p:0", "monitor", 10000, "n1", List.of(), Map.of())), NOW);
    LrmResource history = run.revised().status().nodeState("n1").orElseThrow().lrmResources().get(0);
    assertThat(run.revised().status().nodeState("n1").orElseThrow().lrmResources()).hasSize(1);
    assertThat(history.ops()).extracting(LrmRscOp::id).containsExactly("p:1_last_0", "p:1_monitor_10000");
  }

  @Test
  void anonymousInstanceStopsTheRecordThatIsActiveHereNotItsOwnProbeOnlyRecord() {
    String clone = "<clone id='c'><primitive id='p' class='ocf' provider='pacemaker' type='Dummy'/></clone>";
    String probed = "<lrm_resource id='p:0' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='p:0_last_0' operation_key='p:0_monitor_0' operation='monitor' interval='0' call-id='1' "
        + "rc-code='7' op-status='0' transition-key='1:1:7:x'/></lrm_resource>";
    String running = "<lrm_resource id='p:1' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='p:1_last_0' operation_key='p:1_start_0' operation='start' interval='0' call-id='2' "
        + "rc-code='0' op-status='0' transition-key='1:1:0:x'/></lrm_resource>";
    Cib before = cib(clone, member("1", "n1", probed + running));
    assertThat(ClusterStatus.unpack(before, NOW).resources()).anyMatch(r -> r.activeNodes().contains("n1"));
    SimulatedExecution run = TransitionSimulator.run(before, transition(
        rsc(1, "p:0", "stop", 0, "n1", List.of(), Map.of())), NOW);
    assertThat(ClusterStatus.unpack(run.revised(), NOW).resources()).allMatch(r -> r.activeNodes().isEmpty());
  }

  @Test
  void clusterActionsPrintWithTwoSpacesAndClearingAFailCountRemovesIt() {
    String status = "<node_state id='1' uname='n1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<transient_attributes id='1'><instance_attributes id='t'>"
        + "<nvpair id='f' name='fail-count-d#start_0' value='INFINITY'/><nvpair id='o' name='other' value='1'/>"
        + "</instance_attributes></transient_attributes></node_state>";
    SimulatedExecution run = TransitionSimulator.run(cib(DUMMY, status), transition(
        new GraphAction(1, Kind.CLUSTER, "d", "clear_failcount", 0, "n1", List.of(), Map.of()),
        new GraphAction(2, Kind.CLUSTER, null, "do_shutdown", 0, "n1", List.of(1), Map.of())), NOW);
    assertThat(run.lines()).containsExactly(
        "* Cluster action:  clear_failcount for d on n1", "* Cluster action:  do_shutdown on n1");
    NodeState n1 = run.revised().status().nodeState("n1").orElseThrow();
    assertThat(n1.transientAttribute("fail-count-d#start_0")).isEmpty();
    assertThat(n1.transientAttribute("other")).contains("1");
    assertThat(n1.inCcm()).isEqualTo("true");
  }

  @Test
  void aGraphThatCannotFinishIsReportedIncomplete() {
    SimulatedExecution run = TransitionSimulator.run(cib(DUMMY, member("1", "n1", "")), transition(
        rsc(1, "d", "start", 0, "n1", List.of(2), Map.of()),
        rsc(2, "d", "monitor", 10000, "n1", List.of(1), Map.of()),
        rsc(3, "d", "monitor", 0, "n1", List.of(), Map.of())), NOW);
    assertThat(run.completed()).isFalse();
    assertThat(run.lines()).containsExactly("* Resource action: d               monitor on n1");
  }
}
