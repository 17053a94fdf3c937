package org.vigil.pe.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.AllocationScores;
import org.vigil.pe.PacemakerScheduler;

/** Where {@code crm simulate -s} puts the scores: after the current status, before the Transition Summary. */
class CrmSimulateScoresTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

  private static Cib cib() {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='n1'/><node id='2' uname='n2'/></nodes>"
        + "<resources><primitive id='a' class='ocf' provider='pacemaker' type='Dummy'/></resources>"
        + "<constraints><rsc_location id='a2' rsc='a' node='n2' score='50'/></constraints></configuration>"
        + "<status>" + member("1", "n1") + member("2", "n2") + "</status></cib>";
    try {
      return CibXml.parse(xml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String member(String id, String name) {
    return "<node_state id='" + id + "' uname='" + name + "' in_ccm='true' crmd='online' join='member' "
        + "expected='member'/>";
  }

  @Test
  void theScoresComeBetweenTheCurrentStatusAndTheTransitionSummary() {
    String out = CrmSimulate.run(cib(), NOW, new PacemakerScheduler(), CrmSimulate.Mode.RUN, false,
        Background.INLINE, new AllocationScores()).stdout();
    assertThat(out).endsWith("""
            * a\t(ocf:pacemaker:Dummy):\t Stopped

        pcmk__primitive_assign: a allocation score on n1: 0
        pcmk__primitive_assign: a allocation score on n2: 50

        Transition Summary:
          * Start      a       (    n2 )
        """);
  }

  @Test
  void withoutScoresTheOutputIsAsBefore() {
    Cib cib = cib();
    String with = CrmSimulate.run(cib, NOW, new PacemakerScheduler(), CrmSimulate.Mode.SIMULATE, false,
        Background.INLINE, new AllocationScores()).stdout();
    String without = CrmSimulate.run(cib, NOW, new PacemakerScheduler(), CrmSimulate.Mode.SIMULATE, false).stdout();
    assertThat(with.replace("""
        pcmk__primitive_assign: a allocation score on n1: 0
        pcmk__primitive_assign: a allocation score on n2: 50

        """, "")).isEqualTo(without);
    assertThat(without).doesNotContain("allocation score");
  }
}
