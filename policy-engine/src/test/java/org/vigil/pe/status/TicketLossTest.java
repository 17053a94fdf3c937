package org.vigil.pe.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Role;
import org.vigil.cib.xml.CibXml;

class TicketLossTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static Cib cib(String constraints, String tickets) {
    String running = "<lrm_resource id='rsc1' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='rsc1_start_0' operation_key='rsc1_start_0' operation='start' interval='0' call-id='2'"
        + " rc-code='0' op-status='0' transition-key='1:1:0:x' last-rc-change='1599999000'/></lrm_resource>";
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config/><nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources><primitive id='rsc1' class='ocf' provider='pacemaker' type='Dummy'/></resources>"
        + "<constraints>" + constraints + "</constraints></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + running + "</lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "<tickets>" + tickets + "</tickets></status></cib>";
    try {
      return CibXml.parse(xml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static final String FENCE = "<rsc_ticket id='t' rsc='rsc1' ticket='T' loss-policy='fence'/>";

  @Test
  void grantedTicketDemandsNothing() {
    assertThat(TicketLoss.of(cib(FENCE, "<ticket_state id='T' granted='true'/>"))).isEmpty();
  }

  @Test
  void absentTicketIsLostWithTheConfiguredPolicy() {
    assertThat(TicketLoss.of(cib(FENCE, ""))).containsExactly(new TicketLoss("rsc1", null, TicketLoss.Effect.FENCE, "t"));
  }

  @Test
  void standbySoftensFenceAndFreezeToDemote() {
    String standby = "<ticket_state id='T' granted='true' standby='true'/>";
    assertThat(TicketLoss.of(cib(FENCE, standby))).extracting(TicketLoss::effect).containsExactly(TicketLoss.Effect.DEMOTE);
    String stop = "<rsc_ticket id='t' rsc='rsc1' rsc-role='Promoted' ticket='T'/>";
    assertThat(TicketLoss.of(cib(stop, standby)))
        .containsExactly(new TicketLoss("rsc1", Role.PROMOTED, TicketLoss.Effect.STOP, "t"));
  }

  @Test
  void fencingIsAppliedForTheSchedulerNotInTheStatus() {
    ClusterState shown = ClusterStatus.unpack(cib(FENCE, "<ticket_state id='T' granted='false'/>"), NOW);
    assertThat(shown.node("node1").unclean()).isFalse();
    ClusterState scheduled = TicketLoss.fenceNodes(shown);
    assertThat(scheduled.node("node1").unclean()).isTrue();
    assertThat(scheduled.node("node1").fenceReason()).isEqualTo("deadman ticket was lost");
    assertThat(scheduled.node("node2").unclean()).isFalse();
  }
}
