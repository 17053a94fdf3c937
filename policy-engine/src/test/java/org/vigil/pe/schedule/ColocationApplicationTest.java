package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;
import static org.vigil.pe.schedule.SchedulingFixture.running;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.PacemakerScheduler;

/** How a finite colocation weighs on the dependent being assigned (expectations from crm_simulate 2.1.5). */
class ColocationApplicationTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  /** One node, stickiness 100, everything in {@code lrm} running on it. */
  private static List<String> summary(String resources, String constraints, String lrm) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/></nodes>"
        + "<resources>" + resources + "</resources><constraints>" + constraints + "</constraints>"
        + "<rsc_defaults><meta_attributes id='d'><nvpair id='d1' name='resource-stickiness' value='100'/>"
        + "</meta_attributes></rsc_defaults></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'><lrm id='1'>"
        + "<lrm_resources>" + lrm + "</lrm_resources></lrm></node_state></status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  @Test
  void anAntiColocationThatWouldLeaveNoNodeIsRolledBack() {
    // a fresh b, -100 with a on the only node: 0 - 100 leaves nowhere, so the -100 is dropped
    String c = "<rsc_colocation id='c1' rsc='b' with-rsc='a' score='-100'/>";
    assertThat(summary(dummy("a") + dummy("b"), c, running("a", 2))).containsExactly("* Start b ( node1 )");
  }

  @Test
  void aGroupsFinitePreferenceWeighsOnItsFirstMemberOnly() {
    String groups = "<group id='g1'>" + dummy("r1") + "</group><group id='g2'>" + dummy("r2") + dummy("r3") + "</group>";
    String c = "<rsc_colocation id='c1' rsc='g2' with-rsc='g1' score='-100'/>";
    assertThat(summary(groups, c, running("r1", 2) + running("r2", 3))).containsExactly("* Start r3 ( node1 )");
  }

  @Test
  void aColocationSetChainsEachMemberToTheOneBeforeItOrAfterItWhenListed() {
    String ban = "<rsc_location id='l' rsc='b' node='node1' score='-INFINITY'/>";
    String set = "<rsc_colocation id='cs' score='INFINITY'><resource_set id='s1'%s><resource_ref id='a'/>"
        + "<resource_ref id='b'/><resource_ref id='c'/></resource_set></rsc_colocation>";
    String rscs = dummy("a") + dummy("b") + dummy("c");
    // b can run nowhere: c (placed with b) cannot either, a can
    assertThat(summary(rscs, set.formatted("") + ban, "")).containsExactly("* Start a ( node1 )");
    // ordering="listed" turns the chain around: a is placed with b
    assertThat(summary(rscs, set.formatted(" ordering='listed'") + ban, "")).containsExactly("* Start c ( node1 )");
  }

  @Test
  void aDependentSetFollowsThePrimarySetsLastMember() {
    String sets = "<rsc_colocation id='cs' score='INFINITY'><resource_set id='s1'><resource_ref id='x'/></resource_set>"
        + "<resource_set id='s2'><resource_ref id='a'/><resource_ref id='b'/><resource_ref id='c'/></resource_set>"
        + "</rsc_colocation><rsc_location id='l' rsc='c' node='node1' score='-INFINITY'/>";
    // x is placed with c, which can run nowhere; a and b are not tied to c
    assertThat(summary(dummy("x") + dummy("a") + dummy("b") + dummy("c"), sets, ""))
        .containsExactly("* Start a ( node1 )", "* Start b ( node1 )");
  }

  @Test
  void aTemplateInAColocationStandsForASequentialSetOfItsPrimitives() {
    String template = "<template id='t1' class='ocf' provider='pacemaker' type='Dummy'/>"
        + "<primitive id='a' template='t1'/><primitive id='b' template='t1'/><primitive id='c' template='t1'/>";
    String ban = "<rsc_location id='l' rsc='a' node='node1' score='-INFINITY'/>";
    // b is placed with a, c with b, x with c: nothing can run once a cannot
    assertThat(summary(dummy("x") + template, "<rsc_colocation id='c1' rsc='x' with-rsc='t1' score='INFINITY'/>" + ban, ""))
        .isEmpty();
    // a template on both sides places nothing together
    String both = template + "<template id='t2' class='ocf' provider='pacemaker' type='Dummy'/><primitive id='y' template='t2'/>";
    assertThat(summary(both, "<rsc_colocation id='c1' rsc='t2' with-rsc='t1' score='INFINITY'/>" + ban, ""))
        .containsExactly("* Start b ( node1 )", "* Start c ( node1 )", "* Start y ( node1 )");
  }

  @Test
  void aDependentsOwnMandatoryDependentWeighsInFullOnThePrimary() {
    // b with a (100), c with b (INFINITY), c prefers node2 (100): a goes to node2 (factor 1 for
    // c, not 100/INFINITY times 1)
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + dummy("a") + dummy("b") + dummy("c") + "</resources><constraints>"
        + "<rsc_colocation id='c1' rsc='b' with-rsc='a' score='100'/>"
        + "<rsc_colocation id='c2' rsc='c' with-rsc='b' score='INFINITY'/>"
        + "<rsc_location id='l' rsc='c' node='node2' score='100'/></constraints></configuration>"
        + "<status><node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'/></status></cib>";
    try {
      Cib cib = CibXml.parse(xml, "test");
      assertThat(new PacemakerScheduler().schedule(cib, NOW).summary().stream()
          .map(s -> s.trim().replaceAll("\\s+", " ")).toList())
          .containsExactly("* Start a ( node2 )", "* Start b ( node2 )", "* Start c ( node2 )");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aPromotedRoleOfACloneThatCannotBePromotedStandsForAnyRunningInstance() {
    String rscs = dummy("ip") + "<clone id='c'>" + dummy("d") + "</clone>";
    String with = "<rsc_colocation id='c1' rsc='ip' score='INFINITY' with-rsc='c' with-rsc-role='Promoted'/>";
    assertThat(summary(rscs, with, "")).containsExactlyInAnyOrder("* Start ip ( node1 )", "* Start d:0 ( node1 )");
    String against = "<rsc_colocation id='c1' rsc='ip' score='-INFINITY' with-rsc='c' with-rsc-role='Promoted'/>";
    assertThat(summary(rscs, against, "")).containsExactly("* Start d:0 ( node1 )");
  }
}
