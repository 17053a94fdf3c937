package org.vigil.pe.schedule;

import java.time.Instant;
import java.util.List;

/** Hand-written CIBs of a few online nodes with no resource history, for placement tests. */
final class FreshCluster {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private FreshCluster() {}

  static String dummy(String id) {
    return "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'/>";
  }

  /** A Dummy with target-role Stopped. */
  static String stopped(String id) {
    return "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'><meta_attributes id='" + id
        + "-m'><nvpair id='" + id + "-m1' name='target-role' value='Stopped'/></meta_attributes></primitive>";
  }

  static String group(String id, String... members) {
    return "<group id='" + id + "'>" + String.join("", members) + "</group>";
  }

  /** The Transition Summary for {@code nodes} online nodes node1..nodeN, nothing run yet. */
  static List<String> summary(int nodes, String resources, String constraints) {
    StringBuilder nodeList = new StringBuilder();
    StringBuilder states = new StringBuilder();
    for (int i = 1; i <= nodes; i++) {
      nodeList.append("<node id='").append(i).append("' uname='node").append(i).append("'/>");
      states.append("<node_state id='").append(i).append("' uname='node").append(i)
          .append("' in_ccm='true' crmd='online' join='member' expected='member'/>");
    }
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes>" + nodeList + "</nodes><resources>" + resources + "</resources>"
        + "<constraints>" + constraints + "</constraints></configuration>"
        + "<status>" + states + "</status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }
}
