package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.values.ParameterDigest;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.PacemakerScheduler;
import org.vigil.pe.Transition;

/** Parameter changes since the last start, told by the digests of its history record. */
class DefinitionChangeTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static final String DUMMY = "<primitive id='a' class='ocf' provider='pacemaker' type='Dummy'>"
      + "<instance_attributes id='a-p'><nvpair id='a-p1' name='fake' value='new'/>"
      + "<nvpair id='a-p2' name='state' value='/run/a'/></instance_attributes>%s</primitive>";

  private static List<String> summary(String operations, String startAttrs) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/></nodes>"
        + "<resources>" + DUMMY.formatted(operations) + "</resources><constraints/></configuration>"
        + "<status><node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources><lrm_resource id='a' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='a_last_0' operation_key='a_start_0' operation='start' interval='0' transition-key='1:1:0:x' "
        + startAttrs + "/></lrm_resource></lrm_resources></lrm></node_state></status></cib>";
    try {
      Cib cib = CibXml.parse(xml, "test");
      Transition t = new PacemakerScheduler().schedule(cib, NOW);
      return t.summary().stream().map(s -> s.trim().replaceAll("\\s+", " ")).toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String digest(Map<String, String> params) {
    return ParameterDigest.of(params);
  }

  private static final String DONE = "call-id='2' rc-code='0' op-status='0' ";
  private static final String OLD = digest(Map.of("fake", "old", "state", "/run/a"));
  private static final String CURRENT = digest(Map.of("fake", "new", "state", "/run/a"));

  @Test
  void unchangedParametersLeaveTheResourceAlone() {
    assertThat(summary("", DONE + "op-digest='" + CURRENT + "'")).isEmpty();
  }

  @Test
  void changedParametersWithoutReloadSupportRestart() {
    assertThat(summary("", DONE + "op-digest='" + OLD + "'"))
        .containsExactly("* Restart a ( node1 ) due to resource definition change");
  }

  @Test
  void onlyReloadableParametersChangedReloads() {
    String reloadable = "op-force-restart=' state ' op-restart-digest='" + digest(Map.of("state", "/run/a")) + "' ";
    assertThat(summary("", DONE + reloadable + "op-digest='" + OLD + "'")).containsExactly("* Reload a ( node1 )");
  }

  @Test
  void aChangedParameterThatForcesARestartRestarts() {
    String forced = "op-force-restart=' state ' op-restart-digest='" + digest(Map.of("state", "/run/b")) + "' ";
    assertThat(summary("", DONE + forced + "op-digest='" + OLD + "'"))
        .containsExactly("* Restart a ( node1 ) due to resource definition change");
  }

  @Test
  void parametersOfTheStartOperationCountAndPreventAReload() {
    String startParams = "<operations><op id='a-start' name='start' interval='0'><instance_attributes id='a-s'>"
        + "<nvpair id='a-s1' name='trace_ra' value='1'/></instance_attributes></op></operations>";
    String reloadable = "op-force-restart=' state ' op-restart-digest='" + digest(Map.of("state", "/run/a")) + "' ";
    assertThat(summary(startParams, DONE + reloadable + "op-digest='" + CURRENT + "'"))
        .containsExactly("* Restart a ( node1 ) due to resource definition change");
  }

  @Test
  void aStartStillInFlightIsRestartedNotReloaded() {
    String reloadable = "op-force-restart=' state ' op-restart-digest='" + digest(Map.of("state", "/run/a")) + "' ";
    assertThat(summary("", "call-id='-1' rc-code='-1' op-status='-1' " + reloadable + "op-digest='" + OLD + "'"))
        .containsExactly("* Restart a ( node1 )");
  }
}
