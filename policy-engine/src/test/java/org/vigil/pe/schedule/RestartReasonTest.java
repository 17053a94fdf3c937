package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;
import static org.vigil.pe.schedule.SchedulingFixture.running;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.PacemakerScheduler;

/** The "due to required X start" reason a restart forced through orderings is given. */
class RestartReasonTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  @Test
  void aGroupRestartedByAnOrderingNamesTheFirstActionForItsFirstMemberAndThePreviousMemberAfter() throws Exception {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + dummy("x") + "<group id='g'>" + dummy("m1") + dummy("m2") + dummy("m3") + "</group></resources>"
        + "<constraints><rsc_order id='o' first='x' then='g'/>"
        + "<rsc_location id='l' rsc='x' node='node1' score='10'/></constraints>"
        + "<rsc_defaults><meta_attributes id='d'><nvpair id='d1' name='resource-stickiness' value='100'/>"
        + "</meta_attributes></rsc_defaults></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'><lrm id='1'>"
        + "<lrm_resources>" + running("m1", 2) + running("m2", 3) + running("m3", 4) + "</lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "</status></cib>";
    Cib cib = CibXml.parse(xml, "test");
    List<String> lines = new PacemakerScheduler().schedule(cib, NOW).summary().stream()
        .map(s -> s.trim().replaceAll("\\s+", " ")).toList();
    // as crm_simulate 2.1.5 prints it for the same CIB
    assertThat(lines).containsExactly("* Start x ( node1 )",
        "* Restart m1 ( node1 ) due to required x start",
        "* Restart m2 ( node1 ) due to required m1 start",
        "* Restart m3 ( node1 ) due to required m2 start");
  }
}
