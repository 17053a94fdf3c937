package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;
import static org.vigil.pe.schedule.SchedulingFixture.running;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chain of orderings from a disabled clone through running resources, some of which move:
 * one staying put is stopped because the restart of the one before it is required ("required
 * X start"); one that was moving (its start required already) because that start cannot run
 * ("unrunnable X start"). Expectations from crm_simulate 2.1.5.
 */
class MovingStartReasonTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  @Test
  void aMovingResourceIsStoppedForTheUnrunnableStartBeforeItAStayingOneForTheRequiredOne() {
    // without stickiness A, C, E stay on node1 and B, D would move to node2 (the emptier node)
    StringBuilder order = new StringBuilder("<rsc_order id='o0' first='K-clone' then='A'/>");
    String[] chain = {"A", "B", "C", "D", "E"};
    StringBuilder rscs = new StringBuilder();
    StringBuilder lrm1 = new StringBuilder(running("K", 2));
    for (int i = 0; i < chain.length; i++) {
      rscs.append(dummy(chain[i]));
      lrm1.append(running(chain[i], 10 + i));
      if (i > 0) {
        order.append("<rsc_order id='o").append(i).append("' first='").append(chain[i - 1]).append("' then='")
            .append(chain[i]).append("'/>");
      }
    }
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + "<clone id='K-clone'><meta_attributes id='K-m'><nvpair id='K-t' name='target-role' value='Stopped'/>"
        + "</meta_attributes>" + dummy("K") + "</clone>" + rscs + "</resources><constraints>" + order
        + "</constraints></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + lrm1 + "</lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='2'><lrm_resources>" + running("K", 3) + "</lrm_resources></lrm></node_state></status></cib>";
    List<String> summary = SchedulingFixture.summary(xml, NOW);
    assertThat(summary).contains("* Stop A ( node1 ) due to unrunnable K-clone running",
        "* Stop B ( node1 ) due to unrunnable A start", "* Stop C ( node1 ) due to required B start",
        "* Stop D ( node1 ) due to unrunnable C start", "* Stop E ( node1 ) due to required D start");
  }
}
