package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.pe.GraphAction;
import org.vigil.pe.Transition;

/** Live migration decisions and unfinished migrations in the history, on two nodes. */
class MigrationTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static Transition schedule(String resources, String constraints, String onNode1, String onNode2) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + resources + "</resources><constraints>" + constraints + "</constraints></configuration>"
        + "<status>" + online("1", "node1", onNode1) + online("2", "node2", onNode2) + "</status></cib>";
    return SchedulingFixture.transition(xml, NOW);
  }

  private static String online(String id, String name, String lrm) {
    return "<node_state id='" + id + "' uname='" + name + "' in_ccm='true' crmd='online' join='member' "
        + "expected='member'><lrm id='" + id + "'><lrm_resources>" + lrm + "</lrm_resources></lrm></node_state>";
  }

  /** A history of {@code ops}, each "task:rc" or "task:rc:source>target" for migration steps. */
  private static String history(String rsc, String... ops) {
    StringBuilder b = new StringBuilder("<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='Dummy'>");
    int call = 1;
    for (String op : ops) {
      String[] p = op.split(":");
      String extra = p.length > 2 ? " migrate_source='" + p[2].split(">")[0] + "' migrate_target='"
          + p[2].split(">")[1] + "'" : "";
      b.append("<lrm_rsc_op id='").append(rsc).append('_').append(call).append("' operation_key='").append(rsc)
          .append('_').append(p[0]).append("_0' operation='").append(p[0]).append("' interval='0' call-id='")
          .append(call).append("' rc-code='").append(p[1]).append("' op-status='0' transition-key='1:1:")
          .append(p[0].equals("monitor") ? 7 : 0).append(":x'").append(extra).append("/>");
      call++;
    }
    return b.append("</lrm_resource>").toString();
  }

  private static String migratable(String id) {
    return "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'><meta_attributes id='" + id
        + "m'><nvpair id='" + id + "a' name='allow-migrate' value='true'/></meta_attributes></primitive>";
  }

  private static String plain(String id) {
    return "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'/>";
  }

  private static String prefer(String rsc, String node) {
    return "<rsc_location id='l-" + rsc + "' rsc='" + rsc + "' node='" + node + "' score='INFINITY'/>";
  }

  private static List<String> lines(Transition t) {
    return t.summary().stream().map(s -> s.trim().replaceAll("\\s+", " ")).toList();
  }

  @Test
  void aMigratableResourceMigratesAndWhatFollowsItStaysUp() {
    String order = "<rsc_order id='o' first='a' then='b'/>";
    Transition t = schedule(migratable("a") + plain("b"), order + prefer("a", "node2") + prefer("b", "node2"),
        history("a", "start:0") + history("b", "monitor:7"), history("a", "monitor:7") + history("b", "start:0"));
    assertThat(lines(t)).containsExactly("* Migrate a ( node1 -> node2 )");
  }

  @Test
  void aResourceOrderedAfterOneThatMovesWithoutMigratingMovesInstead() {
    String order = "<rsc_order id='o' first='a' then='b'/>";
    Transition t = schedule(plain("a") + migratable("b"), order + prefer("a", "node2") + prefer("b", "node1"),
        history("a", "start:0") + history("b", "monitor:7"), history("a", "monitor:7") + history("b", "start:0"));
    assertThat(lines(t)).containsExactly("* Move a ( node1 -> node2 )",
        "* Move b ( node2 -> node1 ) due to unrunnable a stop");
  }

  @Test
  void aCompletedMigrationRunsOnTheTargetAndStillStopsTheSource() {
    Transition t = schedule(migratable("a"), prefer("a", "node2"),
        history("a", "start:0", "migrate_to:0:node1>node2"), history("a", "migrate_from:0:node1>node2"));
    assertThat(lines(t)).isEmpty();
    assertThat(t.actions()).extracting(GraphAction::operationKey, GraphAction::node)
        .contains(org.assertj.core.groups.Tuple.tuple("a_stop_0", "node1"));
  }

  @Test
  void aFailedMigrateToLeavesTheTargetPresumedActiveAndBansTheSource() {
    Transition t = schedule(migratable("a"), "",
        history("a", "start:0", "migrate_to:1:node1>node2"), history("a", "monitor:7"));
    assertThat(lines(t)).containsExactly("* Recover a ( node2 )");
  }

  @Test
  void aTargetLeftUnconfirmedAfterTheSourceStoppedIsMovedNotMigrated() {
    String standby2 = "<rsc_location id='l' rsc='a' node='node2' score='-INFINITY'/>";
    Transition t = schedule(migratable("a"), standby2,
        history("a", "start:0", "migrate_to:0:node1>node2", "stop:0"), history("a", "monitor:7"));
    assertThat(lines(t)).containsExactly("* Move a ( node2 -> node1 )");
  }
}
