package org.vigil.controller.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.GraphAction;
import org.vigil.pe.PacemakerScheduler;

/**
 * The scheduler's notify actions reach the agent with their environment: a promotable clone
 * with notify=true, unpromoted on n1 and n2, is promoted on n1.
 */
class NotifyPlanningTest {
  private static Cib cib() throws Exception {
    return CibXml.parse("<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='c'><nvpair id='s' name='stonith-enabled'"
        + " value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='n1'/><node id='2' uname='n2'/></nodes>"
        + "<resources><clone id='ms'><meta_attributes id='mm'><nvpair id='p' name='promotable' value='true'/>"
        + "<nvpair id='n' name='notify' value='true'/></meta_attributes>"
        + "<primitive id='st' class='ocf' provider='pacemaker' type='Stateful'/></clone></resources>"
        + "<constraints/></configuration><status>" + node("1", true) + node("2", false) + "</status></cib>", "test");
  }

  private static String node(String id, boolean promotable) {
    String attrs = promotable ? "<transient_attributes id='" + id + "'><instance_attributes id='t" + id + "'>"
        + "<nvpair id='m" + id + "' name='master-st' value='10'/></instance_attributes></transient_attributes>" : "";
    return "<node_state id='" + id + "' uname='n" + id + "' in_ccm='true' crmd='online' join='member'"
        + " expected='member'>" + attrs + "<lrm id='" + id + "'><lrm_resources><lrm_resource id='st' class='ocf'"
        + " provider='pacemaker' type='Stateful'><lrm_rsc_op id='o" + id + "' operation_key='st_start_0'"
        + " operation='start' interval='0' call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'/>"
        + "</lrm_resource></lrm_resources></lrm></node_state>";
  }

  @Test
  void notifyActionsCarryTheirTypeAndOperationToTheAgent() throws Exception {
    Cib cib = cib();
    List<GraphAction> notifies = new PacemakerScheduler().schedule(cib, Instant.ofEpochSecond(1_600_000_000L))
        .actions().stream().filter(a -> a.task().equals("notify")).toList();
    assertThat(notifies).hasSize(4);
    for (GraphAction n : notifies) {
      PlannedOperation op = OperationPlanner.plan(cib, n);
      assertThat(op.resourceId()).isEqualTo("st");
      assertThat(op.agentAction()).isEqualTo("notify");
      assertThat(op.meta()).containsKey("notify_type").containsEntry("notify_operation", "promote")
          .containsEntry("notify_promote_uname", "n1").containsEntry("notify_active_uname", "n1 n2");
    }
    assertThat(notifies).extracting(n -> OperationPlanner.plan(cib, n).meta().get("notify_type"))
        .containsExactlyInAnyOrder("pre", "pre", "post", "post");
  }
}
