package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.pe.GraphAction;
import org.vigil.pe.Transition;

/** Node capacity and placement-strategy on two nodes, read from the transition summary. */
class UtilizationTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static Transition schedule(String strategy, int cpu1, int cpu2, String resources, String constraints,
      String onNode1) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/>"
        + "<nvpair id='p' name='placement-strategy' value='" + strategy + "'/></cluster_property_set></crm_config>"
        + "<nodes>" + node("1", "node1", cpu1) + node("2", "node2", cpu2) + "</nodes>"
        + "<resources>" + resources + "</resources><constraints>" + constraints + "</constraints></configuration>"
        + "<status>" + online("1", "node1", onNode1) + online("2", "node2", "") + "</status></cib>";
    return SchedulingFixture.transition(xml, NOW);
  }

  private static String node(String id, String name, int cpu) {
    return "<node id='" + id + "' uname='" + name + "'><utilization id='u" + id + "'>"
        + "<nvpair id='u" + id + "c' name='cpu' value='" + cpu + "'/></utilization></node>";
  }

  private static String online(String id, String name, String lrm) {
    return "<node_state id='" + id + "' uname='" + name + "' in_ccm='true' crmd='online' join='member' "
        + "expected='member'><lrm id='" + id + "'><lrm_resources>" + lrm + "</lrm_resources></lrm></node_state>";
  }

  private static String running(String rsc) {
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_start_0' operation='start' interval='0' "
        + "call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'/></lrm_resource>";
  }

  private static String dummy(String id, int cpu, int priority) {
    return "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<meta_attributes id='" + id + "m'><nvpair id='" + id + "p' name='priority' value='" + priority + "'/>"
        + "</meta_attributes><utilization id='" + id + "u'><nvpair id='" + id + "c' name='cpu' value='" + cpu
        + "'/></utilization></primitive>";
  }

  private static List<String> lines(Transition t) {
    return t.summary().stream().map(s -> s.trim().replaceAll("\\s+", " ")).toList();
  }

  @Test
  void defaultStrategyIgnoresCapacity() {
    Transition t = schedule("default", 1, 1, dummy("a", 5, 0) + dummy("b", 5, 0), "", "");
    assertThat(lines(t)).containsExactly("* Start a ( node1 )", "* Start b ( node2 )");
  }

  @Test
  void aResourceOnlyGoesWhereItFitsAndHigherPriorityIsServedFirst() {
    Transition t = schedule("utilization", 1, 2, dummy("a", 2, 0) + dummy("b", 2, 1), "", "");
    assertThat(lines(t)).containsExactly("* Start b ( node2 )");
  }

  @Test
  void balancedPrefersTheNodeWithMostFreeCapacity() {
    Transition t = schedule("balanced", 1, 2, dummy("a", 1, 0) + dummy("b", 1, 0), "", "");
    // a takes the larger node2; then both have 1 left and the emptier node1 wins
    assertThat(lines(t)).containsExactly("* Start a ( node2 )", "* Start b ( node1 )");
  }

  @Test
  void balancedPlacesWhatRunsBeforeWhatRunsNowhere() {
    // old (running on the smaller node1) goes first and takes node2; fresh, though listed
    // first, then finds both nodes with 1 left and takes the emptier node1
    Transition t = schedule("balanced", 1, 2, dummy("fresh", 1, 0) + dummy("old", 1, 0), "", running("old"));
    assertThat(lines(t)).containsExactlyInAnyOrder("* Move old ( node1 -> node2 )", "* Start fresh ( node1 )");
  }

  @Test
  void minimalPacksResourcesOntoTheFirstNode() {
    Transition t = schedule("minimal", 4, 4, dummy("a", 1, 0) + dummy("b", 1, 0), "", "");
    assertThat(lines(t)).containsExactly("* Start a ( node1 )", "* Start b ( node1 )");
  }

  @Test
  void aPrimaryGoesWhereItsMandatoryDependentsFitToo() {
    String c = "<rsc_colocation id='c' rsc='b' with-rsc='a' score='INFINITY'/>";
    Transition t = schedule("utilization", 2, 4, dummy("a", 2, 0) + dummy("b", 2, 0), c, "");
    assertThat(lines(t)).containsExactly("* Start a ( node2 )", "* Start b ( node2 )");
  }

  @Test
  void aResourceThatNoLongerFitsStopsAndLoadStoppedOrdersTheStartAfterIt() {
    Transition t = schedule("utilization", 2, 0, dummy("a", 2, 0) + dummy("b", 2, 1), "", running("a"));
    assertThat(lines(t)).containsExactly("* Start b ( node1 )", "* Stop a ( node1 ) due to node availability");
    List<GraphAction> actions = t.actions();
    GraphAction load = find(actions, "load_stopped_node1");
    assertThat(load.predecessors()).contains(find(actions, "a_stop_0").id());
    assertThat(find(actions, "b_start_0").predecessors()).contains(load.id());
  }

  private static GraphAction find(List<GraphAction> actions, String key) {
    return actions.stream()
        .filter(a -> (a.resource() == null ? a.task() : a.operationKey()).equals(key))
        .findFirst().orElseThrow(() -> new AssertionError("no " + key + " in " + actions));
  }
}
