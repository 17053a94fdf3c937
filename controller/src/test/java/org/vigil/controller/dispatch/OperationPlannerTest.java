package org.vigil.controller.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.GraphAction;

class OperationPlannerTest {
  private static Cib cib() throws Exception {
    return CibXml.parse("""
        <cib epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/>
          <nodes><node id="1" uname="n1"/></nodes>
          <resources>
            <template id="dummy-tpl" class="ocf" provider="pacemaker" type="Dummy">
              <instance_attributes id="t-ia"><nvpair id="t-fake" name="fake" value="template"/>
                <nvpair id="t-delay" name="op_sleep" value="1"/></instance_attributes>
            </template>
            <primitive id="db" template="dummy-tpl">
              <instance_attributes id="db-ia"><nvpair id="db-fake" name="fake" value="db"/></instance_attributes>
              <meta_attributes id="db-ma"><nvpair id="db-tr" name="target-role" value="Started"/></meta_attributes>
              <operations><op id="db-mon" name="monitor" interval="10s" timeout="30s">
                <instance_attributes id="db-mon-ia"><nvpair id="db-mon-depth" name="OCF_CHECK_LEVEL" value="10"/>
                </instance_attributes></op>
                <op id="db-start" name="start" interval="0" timeout="1m"/></operations>
            </primitive>
            <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
              <instance_attributes id="vip-ia"><nvpair id="vip-ip" name="ip" value="10.0.0.8"/></instance_attributes>
              <instance_attributes id="vip-ia-rule"><rule id="r" score="0"><expression id="e" attribute="#uname"
                operation="eq" value="n2"/></rule><nvpair id="vip-ip2" name="ip" value="10.0.0.9"/></instance_attributes>
            </primitive>
            <clone id="ping-clone"><meta_attributes id="pc-ma"><nvpair id="pc-max" name="clone-max" value="3"/>
              <nvpair id="pc-tr" name="target-role" value="Started"/></meta_attributes>
              <primitive id="ping" class="ocf" provider="pacemaker" type="Dummy"/></clone>
            <clone id="uniq"><meta_attributes id="u-ma"><nvpair id="u-gu" name="globally-unique" value="true"/>
              </meta_attributes><group id="g"><primitive id="u1" class="lsb" type="cron"/></group></clone>
          </resources><constraints/>
          <op_defaults><meta_attributes id="od"><nvpair id="od-t" name="timeout" value="45s"/></meta_attributes></op_defaults>
        </configuration><status/></cib>
        """, "test");
  }

  private static GraphAction action(String rsc, String task, long interval, Map<String, String> attrs) {
    return new GraphAction(7, GraphAction.Kind.RESOURCE, rsc, task, interval, "n1", List.of(), attrs);
  }

  @Test
  void aTemplatedPrimitiveGetsTheTemplatesAgentAndItsOwnParametersOnTop() throws Exception {
    PlannedOperation op = OperationPlanner.plan(cib(), action("db", "monitor", 10000, Map.of()));
    assertThat(List.of(op.resourceClass(), op.provider(), op.type())).containsExactly("ocf", "pacemaker", "Dummy");
    assertThat(op.params()).containsExactlyInAnyOrderEntriesOf(Map.of("fake", "db", "op_sleep", "1",
        "OCF_CHECK_LEVEL", "10"));
    assertThat(op.timeoutMs()).isEqualTo(30_000);
    assertThat(op.meta()).containsEntry("target-role", "Started").containsEntry("op_target_rc", "0")
        .containsEntry("on_node", "n1");
    assertThat(OperationPlanner.plan(cib(), action("db", "start", 0, Map.of())).timeoutMs()).isEqualTo(60_000);
  }

  @Test
  void aProbeTakesTheMonitorsTimeoutAndOtherActionsTheDefaults() throws Exception {
    PlannedOperation probe = OperationPlanner.plan(cib(), action("db", "monitor", 0, Map.of("target_rc", "7")));
    assertThat(probe.timeoutMs()).isEqualTo(30_000);
    assertThat(probe.meta()).containsEntry("op_target_rc", "7");
    assertThat(OperationPlanner.plan(cib(), action("db", "stop", 0, Map.of())).timeoutMs()).isEqualTo(45_000);
  }

  @Test
  void setsWithRulesAreLeftToTheScheduler() throws Exception {
    PlannedOperation op = OperationPlanner.plan(cib(), action("vip", "start", 0, Map.of()));
    assertThat(op.params()).containsExactly(Map.entry("ip", "10.0.0.8"));
    assertThat(op.provider()).isEqualTo("heartbeat");
  }

  @Test
  void anonymousCloneInstancesRunUnderThePrimitivesIdWithTheirCloneContext() throws Exception {
    PlannedOperation op = OperationPlanner.plan(cib(), action("ping:2", "start", 0,
        Map.of("CRM_meta_clone_node_max", "1", "notify_type", "pre", "unrelated", "x")));
    assertThat(op.resourceId()).isEqualTo("ping");
    assertThat(op.meta()).containsEntry("clone", "2").containsEntry("clone-max", "3").containsEntry("clone_node_max", "1")
        .containsEntry("notify_type", "pre").doesNotContainKey("unrelated");
  }

  @Test
  void uniqueCloneInstancesKeepTheirNumberEvenInsideAGroup() throws Exception {
    PlannedOperation op = OperationPlanner.plan(cib(), action("u1:0", "start", 0, Map.of()));
    assertThat(op.resourceId()).isEqualTo("u1:0");
    assertThat(op.resourceClass()).isEqualTo("lsb");
    assertThat(op.provider()).isNull();
  }

  @Test
  void aCancelStopsTheRecurringMonitorOfItsInterval() throws Exception {
    PlannedOperation op = OperationPlanner.plan(cib(), action("db", "cancel", 10000, Map.of()));
    assertThat(op.isCancel()).isTrue();
    assertThat(op.agentAction()).isEqualTo("monitor");
    assertThat(op.intervalMs()).isEqualTo(10000);
    assertThat(op.timeoutMs()).isEqualTo(30_000);
  }

  @Test
  void anUnknownResourceIsNamed() {
    assertThatThrownBy(() -> OperationPlanner.plan(cib(), action("nope", "start", 0, Map.of())))
        .isInstanceOf(OperationPlanner.UnknownResource.class)
        .hasMessage("resource nope (action 7, nope_start_0) is not a primitive in the CIB");
  }
}
