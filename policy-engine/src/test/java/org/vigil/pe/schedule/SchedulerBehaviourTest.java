package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.pe.GraphAction;
import org.vigil.pe.Transition;

/** Placement, colocation and ordering behaviours on small hand-written CIBs, read from the summary. */
class SchedulerBehaviourTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  /** Schedules with {@code onNode1} as node1's resource history (node2 has none). */
  private static Transition schedule(String resources, String constraints, String onNode1) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + resources + "</resources><constraints>" + constraints + "</constraints></configuration>"
        + "<status>" + online("1", "node1", onNode1) + online("2", "node2", "") + "</status></cib>";
    return SchedulingFixture.transition(xml, NOW);
  }

  private static String online(String id, String name, String lrm) {
    return "<node_state id='" + id + "' uname='" + name + "' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='" + id + "'><lrm_resources>" + lrm + "</lrm_resources></lrm></node_state>";
  }

  private static String running(String rsc) {
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_start_0' operation='start' interval='0' "
        + "call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'/></lrm_resource>";
  }

  private static List<String> lines(Transition t) {
    return t.summary().stream().map(s -> s.trim().replaceAll("\\s+", " ")).toList();
  }

  @Test
  void resourcesSpreadOverNodesByLoadThenName() {
    Transition t = schedule(dummy("a") + dummy("b"), "", "");
    assertThat(lines(t)).containsExactly("* Start a ( node1 )", "* Start b ( node2 )");
  }

  @Test
  void locationScoresAddUpAndMinusInfinityBans() {
    String c = "<rsc_location id='l1' rsc='a' node='node2' score='100'/>"
        + "<rsc_location id='l2' rsc='a' node='node2' score='-INFINITY'/>";
    assertThat(lines(schedule(dummy("a"), c, ""))).containsExactly("* Start a ( node1 )");
  }

  @Test
  void stickinessKeepsARunningResourceAgainstAWeakerPreference() {
    String sticky = "<primitive id='a' class='ocf' provider='pacemaker' type='Dummy'><meta_attributes id='m'>"
        + "<nvpair id='s' name='resource-stickiness' value='100'/></meta_attributes></primitive>";
    String prefer2 = "<rsc_location id='l' rsc='a' node='node2' score='50'/>";
    assertThat(lines(schedule(sticky, prefer2, running("a")))).isEmpty();
    assertThat(lines(schedule(dummy("a"), prefer2, running("a")))).containsExactly("* Move a ( node1 -> node2 )");
  }

  @Test
  void mandatoryColocationFollowsThePrimaryAndAntiColocationAvoidsIt() {
    String pin = "<rsc_location id='l' rsc='a' node='node2' score='INFINITY'/>";
    assertThat(lines(schedule(dummy("a") + dummy("b"), pin
        + "<rsc_colocation id='c' rsc='b' with-rsc='a' score='INFINITY'/>", "")))
        .containsExactly("* Start a ( node2 )", "* Start b ( node2 )");
    assertThat(lines(schedule(dummy("a") + dummy("b"), pin
        + "<rsc_colocation id='c' rsc='b' with-rsc='a' score='-INFINITY'/>", "")))
        .containsExactly("* Start a ( node2 )", "* Start b ( node1 )");
  }

  @Test
  void dependentPreferencesPullThePrimary() {
    // b must run with a; b prefers node2, so a is placed there although a has no preference
    String c = "<rsc_colocation id='c' rsc='b' with-rsc='a' score='INFINITY'/>"
        + "<rsc_location id='l' rsc='b' node='node2' score='10'/>";
    assertThat(lines(schedule(dummy("a") + dummy("b"), c, "")))
        .containsExactly("* Start a ( node2 )", "* Start b ( node2 )");
  }

  @Test
  void mandatoryOrderingStopsTheThenResourceWhenTheFirstCannotRun() {
    String disabledA = "<primitive id='a' class='ocf' provider='pacemaker' type='Dummy'><meta_attributes id='m'>"
        + "<nvpair id='t' name='target-role' value='Stopped'/></meta_attributes></primitive>";
    String order = "<rsc_order id='o' first='a' then='b'/>";
    Transition t = schedule(disabledA + dummy("b"), order, running("a") + running("b"));
    assertThat(lines(t)).containsExactly("* Stop a ( node1 ) due to node availability",
        "* Stop b ( node1 ) due to unrunnable a start");
    List<GraphAction> actions = t.actions();
    int stopA = indexOf(actions, "a_stop_0");
    int stopB = indexOf(actions, "b_stop_0");
    assertThat(stopB).as("b stops before a").isLessThan(stopA);
    assertThat(actions.get(stopA).predecessors()).contains(actions.get(stopB).id());
  }

  @Test
  void groupMembersStartInOrderOnOneNode() {
    String group = "<group id='g'>" + dummy("m1") + dummy("m2") + "</group>";
    Transition t = schedule(group, "<rsc_location id='l' rsc='g' node='node2' score='10'/>", "");
    assertThat(lines(t)).containsExactly("* Start m1 ( node2 )", "* Start m2 ( node2 )");
    List<GraphAction> actions = t.actions();
    assertThat(indexOf(actions, "m1_start_0")).isLessThan(indexOf(actions, "m2_start_0"));
    assertThat(indexOf(actions, "g_running_0")).isGreaterThan(indexOf(actions, "m2_start_0"));
  }

  private static int indexOf(List<GraphAction> actions, String key) {
    for (int i = 0; i < actions.size(); i++) {
      if (actions.get(i).operationKey().equals(key)) {
        return i;
      }
    }
    throw new AssertionError("no " + key + " in " + actions);
  }
}
