package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which node each clone instance gets, and which instance is promoted, on small clusters of
 * idle nodes (each rule checked against crm_simulate 2.1.5 on the same CIB).
 */
class ClonePlacementTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  /** The summary for {@code nodes} online nodes (node1..nodeN), {@code lrm} holding the first ones' histories. */
  static List<String> summary(int nodes, String resources, String constraints, String... lrm) {
    StringBuilder nodeXml = new StringBuilder();
    StringBuilder status = new StringBuilder();
    for (int i = 1; i <= nodes; i++) {
      nodeXml.append("<node id='").append(i).append("' uname='node").append(i).append("'/>");
      String history = i <= lrm.length ? lrm[i - 1] : "";
      status.append("<node_state id='").append(i).append("' uname='node").append(i)
          .append("' in_ccm='true' crmd='online' join='member' expected='member'><lrm id='").append(i)
          .append("'><lrm_resources>").append(history).append("</lrm_resources></lrm></node_state>");
    }
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes>" + nodeXml + "</nodes><resources>" + resources + "</resources><constraints>" + constraints
        + "</constraints></configuration><status>" + status + "</status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  static String clone(String id, String... meta) {
    StringBuilder m = new StringBuilder();
    for (int i = 0; i + 1 < meta.length; i += 2) {
      m.append("<nvpair id='").append(id).append("-").append(meta[i]).append("' name='").append(meta[i])
          .append("' value='").append(meta[i + 1]).append("'/>");
    }
    return "<clone id='" + id + "-clone'><meta_attributes id='" + id + "-m'>" + m + "</meta_attributes>"
        + "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'/></clone>";
  }

  static String location(String rsc, String node, String score) {
    return "<rsc_location id='loc-" + rsc + "-" + node + "' rsc='" + rsc + "' node='" + node + "' score='" + score
        + "'/>";
  }

  static String colocation(String dependent, String primary, String score) {
    return "<rsc_colocation id='col-" + dependent + "-" + primary + "' rsc='" + dependent + "' with-rsc='" + primary
        + "' score='" + score + "'/>";
  }

  @Test
  void aDependentPullsTheInstancesOfACloneThatCannotRunEverywhere() {
    String resources = clone("A", "clone-max", "2") + clone("B", "clone-max", "3");
    String constraints = colocation("B-clone", "A-clone", "INFINITY") + location("B-clone", "node3", "100")
        + location("B-clone", "node4", "50");
    assertThat(summary(4, resources, constraints)).containsExactly("* Start A:0 ( node3 )", "* Start A:1 ( node4 )",
        "* Start B:0 ( node3 )", "* Start B:1 ( node4 )");
  }

  @Test
  void aDependentDoesNotReorderTheInstancesOfACloneThatRunsEverywhere() {
    String resources = clone("A", "clone-max", "4") + clone("B", "clone-max", "3");
    String constraints = colocation("B-clone", "A-clone", "INFINITY") + location("B-clone", "node3", "100")
        + location("B-clone", "node4", "50");
    assertThat(summary(4, resources, constraints)).containsExactly("* Start A:0 ( node1 )", "* Start A:1 ( node2 )",
        "* Start A:2 ( node3 )", "* Start A:3 ( node4 )", "* Start B:0 ( node3 )", "* Start B:1 ( node4 )",
        "* Start B:2 ( node1 )");
  }
}
