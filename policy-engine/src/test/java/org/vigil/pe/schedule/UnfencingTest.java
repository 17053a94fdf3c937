package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.pe.GraphAction;
import org.vigil.pe.Transition;

/** A fence_scsi device that provides unfencing runs on node1; node1 is unfenced already. */
class UnfencingTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static Transition schedule(String provides, String node2Attrs) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config/><nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources><primitive id='fencing' class='stonith' type='fence_scsi'><meta_attributes id='m'>"
        + "<nvpair id='p' name='provides' value='" + provides + "'/></meta_attributes></primitive>"
        + "<primitive id='a' class='ocf' provider='pacemaker' type='Dummy'/></resources><constraints/>"
        + "</configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + unfenced("1") + "<lrm id='1'><lrm_resources>"
        + "<lrm_resource id='fencing' class='stonith' type='fence_scsi'><lrm_rsc_op id='f1' operation_key='fencing_start_0'"
        + " operation='start' interval='0' call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'/>"
        + "</lrm_resource><lrm_resource id='a' class='ocf' provider='pacemaker' type='Dummy'><lrm_rsc_op id='a1'"
        + " operation_key='a_monitor_0' operation='monitor' interval='0' call-id='3' rc-code='7' op-status='0'"
        + " transition-key='1:1:7:x'/></lrm_resource></lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'>"
        + node2Attrs + "</node_state></status></cib>";
    return SchedulingFixture.transition(xml, NOW);
  }

  private static String unfenced(String id) {
    return "<transient_attributes id='" + id + "'><instance_attributes id='t" + id + "'><nvpair id='u" + id
        + "' name='#node-unfenced' value='1'/></instance_attributes></transient_attributes>";
  }

  private static List<String> lines(Transition t) {
    return t.summary().stream().map(s -> s.trim().replaceAll("\\s+", " ")).toList();
  }

  @Test
  void aNodeNeverUnfencedIsUnfencedBeforeItsFirstProbe() {
    Transition t = schedule("unfencing", "");
    assertThat(lines(t)).containsExactly("* Fence (on) node2 'required by fencing monitor'", "* Start a ( node2 )");
    GraphAction on = t.actions().stream().filter(a -> a.kind() == GraphAction.Kind.FENCE).findFirst().orElseThrow();
    GraphAction start = t.actions().stream().filter(a -> "a_start_0".equals(a.operationKey())).findFirst()
        .orElseThrow();
    assertThat(start.predecessors()).contains(on.id());
  }

  @Test
  void anUnfencedNodeOrADeviceWithoutUnfencingNeedsNothing() {
    assertThat(lines(schedule("unfencing", unfenced("2")))).containsExactly("* Start a ( node2 )");
    assertThat(lines(schedule("nothing", ""))).containsExactly("* Start a ( node2 )");
  }
}
