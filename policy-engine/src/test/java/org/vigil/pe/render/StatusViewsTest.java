package org.vigil.pe.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.status.ClusterStatus;

class StatusViewsTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

  private static Cib cib(String props, String resources, String status) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>" + props + "</cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='n1'/><node id='2' uname='n2'/></nodes>"
        + "<resources>" + resources + "</resources><constraints/></configuration><status>" + status + "</status></cib>";
    try {
      return CibXml.parse(xml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String op(String rsc, String task, int interval, int call, int rc, int target) {
    return "<lrm_rsc_op id='" + rsc + "_" + task + "_" + interval + "' operation_key='" + rsc + "_" + task + "_"
        + interval + "' operation='" + task + "' interval='" + interval + "' call-id='" + call + "' rc-code='" + rc
        + "' op-status='0' transition-key='1:1:" + target + ":x' last-rc-change='1699999000'/>";
  }

  private static String node(String id, String name, boolean up, String lrm) {
    return "<node_state id='" + id + "' uname='" + name + "' in_ccm='" + up + "' crmd='" + (up ? "online" : "offline")
        + "' join='" + (up ? "member" : "down") + "' expected='member'><lrm id='" + id + "'><lrm_resources>" + lrm
        + "</lrm_resources></lrm></node_state>";
  }

  private static String dummy(String id, String meta) {
    return "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'>" + meta + "</primitive>";
  }

  private static String render(Cib cib) {
    return SimulationReport.status("Current cluster status:", StatusViews.of(ClusterStatus.unpack(cib, NOW)));
  }

  @Test
  void aFailedMonitorOnALostNodeAwaitingFencingShowsTheResourceStartedThere() {
    String history = "<lrm_resource id='d' class='ocf' provider='pacemaker' type='Dummy'>" + op("d", "start", 0, 2, 0, 0)
        + op("d", "monitor", 10000, 3, 7, 0) + "</lrm_resource>";
    String text = render(cib("", dummy("d", ""), node("1", "n1", false, history) + node("2", "n2", true, "")));
    assertThat(text).contains("    * Node n1: UNCLEAN (offline)\n")
        .contains("    * d\t(ocf:pacemaker:Dummy):\t Started n1 (UNCLEAN)\n");
  }

  @Test
  void aResourceLockedToANodeThatShutDownShowsStoppedThereUntilTheLockLimitPasses() {
    String history = "<lrm_resource id='d' class='ocf' provider='pacemaker' type='Dummy' shutdown-lock='1699999900'>"
        + op("d", "stop", 0, 4, 0, 0) + "</lrm_resource>";
    String left = "<node_state id='1' uname='n1' in_ccm='false' crmd='offline' join='down' expected='down'>"
        + "<lrm id='1'><lrm_resources>" + history + "</lrm_resources></lrm></node_state>";
    String props = "<nvpair id='s' name='stonith-enabled' value='false'/><nvpair id='l' name='shutdown-lock' value='true'/>";
    assertThat(render(cib(props, dummy("d", ""), left + node("2", "n2", true, ""))))
        .contains("    * d\t(ocf:pacemaker:Dummy):\t Stopped n1 (LOCKED)\n");
    String expired = props + "<nvpair id='m' name='shutdown-lock-limit' value='60s'/>";
    assertThat(render(cib(expired, dummy("d", ""), left + node("2", "n2", true, ""))))
        .contains("    * d\t(ocf:pacemaker:Dummy):\t Stopped\n");
  }

  @Test
  void resourcesAreListedByDescendingPriorityThenConfigurationOrder() {
    String low = "<meta_attributes id='lm'><nvpair id='lp' name='priority' value='1.0'/></meta_attributes>";
    String high = "<meta_attributes id='hm'><nvpair id='hp' name='priority' value='2'/></meta_attributes>";
    String text = render(cib("<nvpair id='s' name='stonith-enabled' value='false'/>",
        dummy("a", "") + dummy("b", low) + dummy("c", high) + dummy("d", high), node("1", "n1", true, "")));
    assertThat(text).containsSubsequence("* c\t", "* d\t", "* b\t", "* a\t");
  }

  @Test
  void cloneWhoseChildIsDisabledListsItsNodesAsStoppedDisabledWithoutFlaggingTheClone() {
    String stopped = "<meta_attributes id='m'><nvpair id='t' name='target-role' value='Stopped'/></meta_attributes>";
    String text = render(cib("<nvpair id='s' name='stonith-enabled' value='false'/>",
        "<clone id='cl'>" + dummy("p", stopped) + "</clone>", node("1", "n1", true, "") + node("2", "n2", true, "")));
    assertThat(text).contains("    * Clone Set: cl [p]:\n      * Stopped (disabled): [ n1 n2 ]\n");
  }

  @Test
  void aGuestNodeCountsTowardsCloneMaxAndItsImplicitConnectionTowardsTheInstances() {
    String vm = "<primitive id='vm' class='ocf' provider='heartbeat' type='VirtualDomain'><meta_attributes id='vm-m'>"
        + "<nvpair id='vm-rn' name='remote-node' value='guest1'/></meta_attributes></primitive>";
    String running = "<lrm_resource id='vm' class='ocf' provider='heartbeat' type='VirtualDomain'>"
        + op("vm", "start", 0, 2, 0, 0) + "</lrm_resource>"
        + "<lrm_resource id='guest1' class='ocf' provider='pacemaker' type='remote'>" + op("guest1", "start", 0, 3, 0, 0)
        + "</lrm_resource>";
    String clone = "<lrm_resource id='p' class='ocf' provider='pacemaker' type='Dummy'>" + op("p", "start", 0, 4, 0, 0)
        + "</lrm_resource>";
    String guest = "<node_state id='guest1' uname='guest1' remote_node='true'><lrm id='guest1'><lrm_resources/></lrm>"
        + "</node_state>";
    Cib c = cib("<nvpair id='s' name='stonith-enabled' value='false'/>",
        vm + "<clone id='cl'>" + dummy("p", "") + "</clone>",
        node("1", "n1", true, running + clone) + node("2", "n2", true, clone) + guest);
    // vm, three clone instances and guest1's connection
    assertThat(InstanceCounts.of(StatusViews.of(ClusterStatus.unpack(c, NOW))).total()).isEqualTo(5);
    assertThat(render(c)).contains("    * GuestOnline: [ guest1 ]\n")
        .contains("    * Clone Set: cl [p]:\n      * Started: [ n1 n2 ]\n      * Stopped: [ guest1 ]\n");
  }

  @Test
  void aStoppedConnectionWaitingOutItsReconnectIntervalShowsFailed() {
    String remote = "<primitive id='r1' class='ocf' provider='pacemaker' type='remote'><instance_attributes id='r1-i'>"
        + "<nvpair id='r1-ri' name='reconnect_interval' value='60s'/></instance_attributes></primitive>";
    String stopped = "<lrm_resource id='r1' class='ocf' provider='pacemaker' type='remote'>" + op("r1", "stop", 0, 5, 0, 0)
        + "</lrm_resource>";
    String failedAt = "<transient_attributes id='1'><instance_attributes id='st-1'>"
        + "<nvpair id='fc' name='fail-count-r1#monitor_60000' value='1'/>"
        + "<nvpair id='lf' name='last-failure-r1#monitor_60000' value='LAST'/></instance_attributes></transient_attributes>";
    String props = "<nvpair id='s' name='stonith-enabled' value='false'/>";
    for (long ago : new long[] {30, 90}) {
      String n1 = node("1", "n1", true, stopped).replace("</node_state>",
          failedAt.replace("LAST", String.valueOf(NOW.getEpochSecond() - ago)) + "</node_state>");
      String text = render(cib(props, remote, n1 + node("2", "n2", true, "")));
      assertThat(text).contains("    * r1\t(ocf:pacemaker:remote):\t " + (ago < 60 ? "FAILED" : "Stopped") + "\n");
    }
  }

  @Test
  void aStartStillRecordedInFlightShowsStartingThoughALaterStopSaysStopped() {
    String history = "<lrm_resource id='d' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='d_start_0' operation='start' interval='0' call-id='3' rc-code='-1' op-status='-1' "
        + "transition-key='1:9:0:x'/>" + op("d", "stop", 0, 9, 0, 0) + "</lrm_resource>";
    String text = render(cib("", dummy("d", ""), node("1", "n1", true, history) + node("2", "n2", true, "")));
    assertThat(text).contains("    * d\t(ocf:pacemaker:Dummy):\t Starting n1\n");
  }
}
