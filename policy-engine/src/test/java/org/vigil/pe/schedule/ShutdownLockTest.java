package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** shutdown-lock: resources of a node shutting down (or gone down) cleanly stay tied to it. */
class ShutdownLockTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static List<String> schedule(String options, String node1State) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/>" + options + "</cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + "<primitive id='a' class='ocf' provider='pacemaker' type='Dummy'/></resources><constraints/></configuration>"
        + "<status>" + node1State
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "</status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  private static String history(String lock, String lastOp) {
    return "<lrm id='1'><lrm_resources><lrm_resource id='a' class='ocf' provider='pacemaker' type='Dummy'" + lock
        + "><lrm_rsc_op id='a_last' operation_key='a_" + lastOp + "_0' operation='" + lastOp
        + "' interval='0' call-id='3' rc-code='0' op-status='0' transition-key='1:1:0:x'/>"
        + "</lrm_resource></lrm_resources></lrm>";
  }

  private static final String LOCK = "<nvpair id='l' name='shutdown-lock' value='true'/>";

  private static String shuttingDown() {
    return "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<transient_attributes id='1'><instance_attributes id='t'><nvpair id='t1' name='shutdown' value='"
        + (NOW.getEpochSecond() - 5) + "'/></instance_attributes></transient_attributes>" + history("", "start")
        + "</node_state>";
  }

  private static String leftWithLock(long at) {
    return "<node_state id='1' uname='node1' in_ccm='false' crmd='offline' join='down' expected='down'>"
        + history(" shutdown-lock='" + at + "'", "stop") + "</node_state>";
  }

  @Test
  void withoutTheLockAResourceOfAStoppingNodeMoves() {
    assertThat(schedule("", shuttingDown())).containsExactly("* Move a ( node1 -> node2 )");
  }

  @Test
  void withTheLockItStopsAndStaysTiedToItsNode() {
    assertThat(schedule(LOCK, shuttingDown())).containsExactly("* Stop a ( node1 ) due to node availability");
    assertThat(schedule(LOCK, leftWithLock(NOW.getEpochSecond() - 60))).isEmpty();
  }

  @Test
  void anExpiredLockSetsItFree() {
    String limit = "<nvpair id='m' name='shutdown-lock-limit' value='5m'/>";
    assertThat(schedule(LOCK + limit, leftWithLock(NOW.getEpochSecond() - 600))).containsExactly("* Start a ( node2 )");
    assertThat(schedule(LOCK + limit, leftWithLock(NOW.getEpochSecond() - 60))).isEmpty();
  }
}
