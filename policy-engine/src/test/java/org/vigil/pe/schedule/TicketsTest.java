package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ticket rules on small hand-written CIBs: two nodes, rsc1 and the promotable ms1. */
class TicketsTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static String op(String rsc, String task, int call, int rc) {
    return "<lrm_rsc_op id='" + rsc + "_" + task + "_0' operation_key='" + rsc + "_" + task + "_0' operation='" + task
        + "' interval='0' call-id='" + call + "' rc-code='" + rc + "' op-status='0' transition-key='1:1:" + rc
        + ":x' last-rc-change='1599999000'/>";
  }

  private static String lrmRsc(String id, String ops) {
    return lrmRsc(id, "Stateful", ops);
  }

  /** The history must name the configured agent: another type means the resource starts afresh. */
  private static String lrmRsc(String id, String type, String ops) {
    return "<lrm_resource id='" + id + "' class='ocf' provider='pacemaker' type='" + type + "'>" + ops + "</lrm_resource>";
  }

  private static String node(String id, String name, String lrm) {
    return "<node_state id='" + id + "' uname='" + name + "' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='" + id + "'><lrm_resources>" + lrm + "</lrm_resources></lrm></node_state>";
  }

  /** rsc1 runs on node1 when {@code running}; nothing else runs. */
  private static List<String> primitive(String constraint, String tickets, boolean running) {
    String lrm = running ? lrmRsc("rsc1", "Dummy", op("rsc1", "start", 2, 0)) : "";
    return schedule("<primitive id='rsc1' class='ocf' provider='pacemaker' type='Dummy'/>", constraint, tickets,
        node("1", "node1", lrm) + node("2", "node2", ""));
  }

  /**
   * ms1's instance rsc1:0 is Promoted on node1 and rsc1:1 Unpromoted on node2; node1 gives it a
   * promotion score (without one it would be demoted).
   */
  private static List<String> promotable(String constraint, String tickets) {
    String ms = "<clone id='ms1'><meta_attributes id='ms1-m'><nvpair id='ms1-p' name='promotable' value='true'/>"
        + "</meta_attributes><primitive id='rsc1' class='ocf' provider='pacemaker' type='Stateful'/></clone>";
    String score = "<rsc_location id='ms1-promoted' rsc='ms1' role='Promoted' node='node1' score='10'/>";
    return schedule(ms, constraint + score, tickets,
        node("1", "node1", lrmRsc("rsc1:0", op("rsc1:0", "promote", 3, 0)))
            + node("2", "node2", lrmRsc("rsc1:1", op("rsc1:1", "start", 2, 0))));
  }

  private static List<String> schedule(String resources, String constraint, String tickets, String nodeStates) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='o-s' name='stonith-enabled' value='true'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + resources + "</resources><constraints>" + constraint + "</constraints></configuration>"
        + "<status>" + nodeStates + "<tickets>" + tickets + "</tickets></status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  private static String needs(String policy) {
    return "<rsc_ticket id='t' rsc='rsc1' ticket='ticketA' loss-policy='" + policy + "'/>";
  }

  private static final String GRANTED = "<ticket_state id='ticketA' granted='true'/>";
  private static final String REVOKED = "<ticket_state id='ticketA' granted='false'/>";
  private static final String STANDBY = "<ticket_state id='ticketA' granted='true' standby='true'/>";

  @Test
  void aResourceStartsOnlyWithItsTicketGranted() {
    assertThat(primitive(needs("stop"), GRANTED, false)).containsExactly("* Start rsc1 ( node1 )");
    assertThat(primitive(needs("stop"), "", false)).isEmpty();
    assertThat(primitive(needs("stop"), REVOKED, false)).isEmpty();
  }

  @Test
  void revokedTicketStopsTheResource() {
    assertThat(primitive(needs("stop"), REVOKED, true)).containsExactly("* Stop rsc1 ( node1 ) due to node availability");
    assertThat(primitive(needs("demote"), REVOKED, true))
        .containsExactly("* Stop rsc1 ( node1 ) due to node availability");
  }

  @Test
  void freezeKeepsWhatRunsAndStartsNothing() {
    assertThat(primitive(needs("freeze"), REVOKED, true)).isEmpty();
    assertThat(primitive(needs("freeze"), REVOKED, false)).isEmpty();
  }

  @Test
  void fenceFencesTheNodeWhereItRuns() {
    assertThat(primitive(needs("fence"), REVOKED, true)).containsExactlyInAnyOrder(
        "* Fence (reboot) node1 'deadman ticket was lost'", "* Stop rsc1 ( node1 ) due to node availability");
    assertThat(primitive(needs("fence"), REVOKED, false)).isEmpty();
  }

  @Test
  void ticketInStandbyStopsWithoutFencingOrFreezing() {
    assertThat(primitive(needs("fence"), STANDBY, true)).containsExactly("* Stop rsc1 ( node1 ) due to node availability");
    assertThat(primitive(needs("freeze"), STANDBY, true))
        .containsExactly("* Stop rsc1 ( node1 ) due to node availability");
  }

  @Test
  void promotedRoleTicketDemotesOrStopsEverything() {
    String demote = "<rsc_ticket id='t' rsc='ms1' rsc-role='Promoted' ticket='ticketA' loss-policy='demote'/>";
    assertThat(promotable(demote, REVOKED)).containsExactly("* Demote rsc1:0 ( Promoted -> Unpromoted node1 )");
    assertThat(promotable(demote, GRANTED)).isEmpty();
    String stop = "<rsc_ticket id='t' rsc='ms1' rsc-role='Promoted' ticket='ticketA' loss-policy='stop'/>";
    assertThat(promotable(stop, REVOKED)).containsExactlyInAnyOrder(
        "* Stop rsc1:0 ( Promoted node1 ) due to node availability",
        "* Stop rsc1:1 ( Unpromoted node2 ) due to node availability");
  }

  @Test
  void promotedRoleFenceFencesOnlyThePromotedNode() {
    String fence = "<rsc_ticket id='t' rsc='ms1' rsc-role='Promoted' ticket='ticketA' loss-policy='fence'/>";
    assertThat(promotable(fence, REVOKED)).containsExactlyInAnyOrder(
        "* Fence (reboot) node1 'deadman ticket was lost'", "* Stop rsc1:0 ( Promoted node1 ) due to node availability");
    assertThat(promotable(fence, STANDBY)).containsExactly("* Demote rsc1:0 ( Promoted -> Unpromoted node1 )");
  }

  @Test
  void resourceSetsApplyEachSetsRole() {
    String sets = "<rsc_ticket id='t' ticket='ticketA' loss-policy='demote'>"
        + "<resource_set id='s1' role='Promoted'><resource_ref id='ms1'/></resource_set></rsc_ticket>";
    assertThat(promotable(sets, REVOKED)).containsExactly("* Demote rsc1:0 ( Promoted -> Unpromoted node1 )");
  }
}
