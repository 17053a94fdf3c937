package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;
import static org.vigil.pe.schedule.SchedulingFixture.running;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Why the members of a running group stop when the group cannot restart: each for the member
 * before it, its stop ("required P stop") when that member's restart was required, else its
 * start ("required P start"), so the reasons alternate. Expectations from crm_simulate 2.1.5.
 */
class GroupStopReasonTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  /** Disabled clone Q-clone, then {@code between} (if any), then group G of a, b, c, d, all on node1. */
  private static List<String> summary(boolean viaPrimitive) {
    String order = viaPrimitive
        ? "<rsc_order id='o1' first='Q-clone' then='K'/><rsc_order id='o2' first='K' then='G'/>"
            + "<rsc_location id='lk' rsc='K' node='node1' score='100'/>"
        : "<rsc_order id='o1' first='Q-clone' then='G'/>";
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + "<clone id='Q-clone'><meta_attributes id='Q-m'><nvpair id='Q-t' name='target-role' value='Stopped'/>"
        + "</meta_attributes>" + dummy("Q") + "</clone>" + (viaPrimitive ? dummy("K") : "")
        + "<group id='G'>" + dummy("a") + dummy("b") + dummy("c") + dummy("d") + "</group></resources>"
        + "<constraints>" + order + "<rsc_location id='lg' rsc='G' node='node1' score='100'/></constraints>"
        + "</configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + running("Q", 2) + (viaPrimitive ? running("K", 3) : "") + running("a", 4)
        + running("b", 5) + running("c", 6) + running("d", 7) + "</lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='2'><lrm_resources>" + running("Q", 8) + "</lrm_resources></lrm></node_state></status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  @Test
  void aGroupBlockedDirectlyStartsWithItsStartReasons() {
    assertThat(summary(false)).contains("* Stop a ( node1 ) due to unrunnable Q-clone running",
        "* Stop b ( node1 ) due to required a start", "* Stop c ( node1 ) due to required b stop",
        "* Stop d ( node1 ) due to required c start");
  }

  @Test
  void aGroupAfterAResourceThatCannotRestartStartsWithItsStopReasons() {
    assertThat(summary(true)).contains("* Stop K ( node1 ) due to unrunnable Q-clone running",
        "* Stop a ( node1 ) due to required K start", "* Stop b ( node1 ) due to required a stop",
        "* Stop c ( node1 ) due to required b start", "* Stop d ( node1 ) due to required c stop");
  }
}
