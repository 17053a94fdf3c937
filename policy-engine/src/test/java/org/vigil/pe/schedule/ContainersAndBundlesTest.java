package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Bundle;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.GraphAction;
import org.vigil.pe.PacemakerScheduler;
import org.vigil.pe.status.BundleLayout;

/** Resources inside container resources, and bundles expanded into their implicit resources. */
class ContainersAndBundlesTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static Cib cib(String resources, String node1Lrm) {
    return cib(resources, node1Lrm, "");
  }

  private static Cib cib(String resources, String node1Lrm, String node2Lrm) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + resources + "</resources><constraints/></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + node1Lrm + "</lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='2'><lrm_resources>" + node2Lrm + "</lrm_resources></lrm></node_state>"
        + "</status></cib>";
    try {
      return CibXml.parse(xml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String started(String rsc, boolean failedMonitor) {
    String failure = failedMonitor
        ? "<lrm_rsc_op id='" + rsc + "_monitor_10000' operation_key='" + rsc + "_monitor_10000' operation='monitor' "
            + "interval='10000' call-id='3' rc-code='1' op-status='0' transition-key='2:1:0:x'/>"
        : "";
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_start_0' operation='start' interval='0' "
        + "call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'/>" + failure + "</lrm_resource>";
  }

  private static String inside(String id) {
    return "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'><meta_attributes id='" + id
        + "-m'><nvpair id='" + id + "-c' name='container' value='box'/></meta_attributes></primitive>";
  }

  private static List<String> lines(Cib cib) {
    return new PacemakerScheduler().schedule(cib, NOW).summary().stream()
        .map(s -> s.trim().replaceAll("\\s+", " ")).toList();
  }

  @Test
  void resourcesInsideAContainerStartWithItOnItsNode() {
    String box = "<primitive id='box' class='ocf' provider='pacemaker' type='Dummy'/>";
    assertThat(lines(cib(box + inside("a") + inside("b"), "")))
        .containsExactly("* Start box ( node1 )", "* Start a ( node1 )", "* Start b ( node1 )");
  }

  @Test
  void aFailureInsideAContainerRestartsTheContainerAndEverythingInIt() {
    String box = "<primitive id='box' class='ocf' provider='pacemaker' type='Dummy'/>";
    assertThat(lines(cib(box + inside("a") + inside("b"), started("box", false) + started("a", true)
        + started("b", false)))).containsExactly(
            "* Restart box ( node1 )",
            "* Recover a ( node1 )",
            "* Restart b ( node1 ) due to required box start");
  }

  @Test
  void aFailedStopInsideAContainerIsLeftToTheContainersRecovery() {
    // a's stop failed (without fencing that would block it): it counts as stopped, the
    // container restarts and a starts again inside it
    String box = "<primitive id='box' class='ocf' provider='pacemaker' type='Dummy'/>";
    String failedStop = started("a", false).replace("</lrm_resource>",
        "<lrm_rsc_op id='a_last_failure_0' operation_key='a_stop_0' operation='stop' interval='0' "
            + "call-id='4' rc-code='1' op-status='0' transition-key='3:1:0:x'/></lrm_resource>");
    assertThat(lines(cib(box + inside("a") + inside("b"), started("box", false) + failedStop
        + started("b", false)))).containsExactly(
            "* Restart box ( node1 )",
            "* Start a ( node1 )",
            "* Restart b ( node1 ) due to required box start");
  }

  @Test
  void whatIsInsideAContainerIsNotProbedWhereTheContainerIsKnownStopped() {
    String box = "<primitive id='box' class='ocf' provider='pacemaker' type='Dummy'/>";
    String boxStopped = "<lrm_resource id='box' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='box_last_0' operation_key='box_monitor_0' operation='monitor' interval='0' "
        + "call-id='1' rc-code='7' op-status='0' transition-key='1:1:7:x'/></lrm_resource>";
    String node1 = started("box", false) + started("a", false);
    assertThat(probesOnNode2(cib(box + inside("a"), node1, boxStopped))).isEmpty();
    // with nothing known about the container there, both are probed
    assertThat(probesOnNode2(cib(box + inside("a"), node1, ""))).containsExactlyInAnyOrder("box", "a");
  }

  private static List<String> probesOnNode2(Cib cib) {
    return new PacemakerScheduler().schedule(cib, NOW).actions().stream()
        .filter(a -> "node2".equals(a.node()) && a.task().equals("monitor") && a.intervalMs() == 0)
        .map(GraphAction::resource).toList();
  }

  private static final String BUNDLE = "<bundle id='web'><docker image='httpd' promoted-max='2'/>"
      + "<network ip-range-start='192.168.1.10' control-port='3121'/>"
      + "<primitive id='httpd' class='ocf' provider='heartbeat' type='apache'/></bundle>";

  @Test
  void aBundleNamesItsImplicitResourcesPerReplica() {
    Bundle b = (Bundle) cib(BUNDLE, "").configuration().resources().get(0);
    BundleLayout layout = BundleLayout.of(b);
    assertThat(layout.replicas()).isEqualTo(2);
    assertThat(layout.cloneId()).isEqualTo("web-master");
    BundleLayout.Replica second = layout.replicaList().get(1);
    assertThat(second.ip().id()).isEqualTo("web-ip-192.168.1.11");
    assertThat(second.container().id()).isEqualTo("web-docker-1");
    assertThat(second.connection().id()).isEqualTo("web-1");
  }

  @Test
  void aBundleStartsItsReplicasOnSeparateNodesWithItsPrimitiveInside() {
    assertThat(lines(cib(BUNDLE, ""))).containsExactlyInAnyOrder(
        "* Start web-docker-0 ( node1 )", "* Start web-docker-1 ( node2 )",
        "* Start web-ip-192.168.1.10 ( node1 )", "* Start web-ip-192.168.1.11 ( node2 )",
        "* Start web-0 ( node1 )", "* Start web-1 ( node2 )",
        "* Start httpd:0 ( web-0 )", "* Start httpd:1 ( web-1 )");
  }

  private static String record(String rsc, String cls, String provider, String type, String task, int rc) {
    return "<lrm_resource id='" + rsc + "' class='" + cls + "' provider='" + provider + "' type='" + type + "'>"
        + "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_" + task + "_0' operation='" + task
        + "' interval='0' call-id='2' rc-code='" + rc + "' op-status='0' transition-key='1:1:0:x'/></lrm_resource>";
  }

  private static String guest(String name, String lrm) {
    return "<node_state id='" + name + "' uname='" + name + "' remote_node='true' in_ccm='true'>"
        + "<lrm id='" + name + "'><lrm_resources>" + lrm + "</lrm_resources></lrm><transient_attributes id='" + name
        + "'><instance_attributes id='ta-" + name + "'><nvpair id='m-" + name + "' name='master-httpd' value='5'/>"
        + "</instance_attributes></transient_attributes></node_state>";
  }

  @Test
  void aReplicaWhoseContainerCannotRunStopsWithItsConnectionAndAnotherReplicaIsPromoted() {
    String bundle = "<bundle id='web'><docker image='httpd' replicas='2' promoted-max='1'/>"
        + "<network control-port='3121'/><primitive id='httpd' class='ocf' provider='heartbeat' type='apache'/>"
        + "</bundle>";
    String node1 = record("web-docker-0", "ocf", "heartbeat", "docker", "start", 0)
        + record("web-0", "ocf", "pacemaker", "remote", "start", 0);
    String node2 = record("web-docker-1", "ocf", "heartbeat", "docker", "start", 0)
        + record("web-1", "ocf", "pacemaker", "remote", "start", 0);
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'><instance_attributes id='n1'><nvpair id='sb' name='standby' value='on'/>"
        + "</instance_attributes></node><node id='2' uname='node2'/><node id='3' uname='node3'/></nodes>"
        + "<resources>" + bundle + "</resources><constraints>"
        + "<rsc_location id='l' rsc='web' node='node3' score='-INFINITY'/></constraints></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + node1 + "</lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='2'><lrm_resources>" + node2 + "</lrm_resources></lrm></node_state>"
        + "<node_state id='3' uname='node3' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + guest("web-0", record("httpd", "ocf", "heartbeat", "apache", "promote", 0))
        + guest("web-1", record("httpd", "ocf", "heartbeat", "apache", "start", 0)) + "</status></cib>";
    Cib c;
    try {
      c = CibXml.parse(xml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(lines(c)).containsExactlyInAnyOrder(
        "* Stop web-docker-0 ( node1 ) due to node availability",
        "* Stop web-0 ( node1 ) due to unrunnable web-docker-0 start",
        "* Stop httpd:0 ( Promoted web-0 ) due to unrunnable web-docker-0 start",
        "* Promote httpd:1 ( Unpromoted -> Promoted web-1 )");
  }

  @Test
  void withContainerAttributeTargetHostThePromotionScoreIsReadOnTheContainersHost() {
    String bundle = "<bundle id='web'><docker image='httpd' replicas='2' promoted-max='1'/>"
        + "<network control-port='3121'/><primitive id='httpd' class='ocf' provider='heartbeat' type='apache'>"
        + "<meta_attributes id='hm'><nvpair id='cat' name='container-attribute-target' value='host'/>"
        + "</meta_attributes></primitive></bundle>";
    String node1 = record("web-docker-0", "ocf", "heartbeat", "docker", "start", 0)
        + record("web-0", "ocf", "pacemaker", "remote", "start", 0);
    String node2 = record("web-docker-1", "ocf", "heartbeat", "docker", "start", 0)
        + record("web-1", "ocf", "pacemaker", "remote", "start", 0);
    String hostScore = "<transient_attributes id='2'><instance_attributes id='ta2'>"
        + "<nvpair id='m2' name='master-httpd' value='10'/></instance_attributes></transient_attributes>";
    String plainGuest = "<lrm_resources>" + record("httpd", "ocf", "heartbeat", "apache", "start", 0) + "</lrm_resources>";
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + bundle + "</resources><constraints/></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + node1 + "</lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='2'><lrm_resources>" + node2 + "</lrm_resources></lrm>" + hostScore + "</node_state>"
        + "<node_state id='web-0' uname='web-0' remote_node='true' in_ccm='true'><lrm id='web-0'>" + plainGuest
        + "</lrm></node_state><node_state id='web-1' uname='web-1' remote_node='true' in_ccm='true'><lrm id='web-1'>"
        + plainGuest + "</lrm></node_state></status></cib>";
    Cib c;
    try {
      c = CibXml.parse(xml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(lines(c)).containsExactly("* Promote httpd:1 ( Unpromoted -> Promoted web-1 )");
  }
}
