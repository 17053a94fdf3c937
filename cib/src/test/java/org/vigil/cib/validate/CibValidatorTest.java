package org.vigil.cib.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;

class CibValidatorTest {
  private static List<String> errors(String configuration) throws Exception {
    Cib cib = CibXml.parse("<cib admin_epoch='0' epoch='1' num_updates='0'><configuration>" + configuration
        + "</configuration><status/></cib>", "test");
    return CibValidator.validate(cib).stream().filter(Problem::isError).map(Problem::message).toList();
  }

  private static final String NODES = "<crm_config/><nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>";

  @Test
  void aCleanConfigurationHasNoErrors() throws Exception {
    assertThat(errors(NODES + "<resources><primitive id='vip' class='ocf' provider='heartbeat' type='IPaddr2'>"
        + "<operations><op id='vip-monitor-10s' name='monitor' interval='10s'/></operations></primitive></resources>"
        + "<constraints><rsc_location id='l1' rsc='vip' score='INFINITY' node='node1'/></constraints>")).isEmpty();
  }

  @Test
  void duplicateIdsAreErrors() throws Exception {
    assertThat(errors(NODES + "<resources><primitive id='a' class='lsb' type='x'/><primitive id='a' class='lsb' type='y'/>"
        + "</resources><constraints/>")).anyMatch(m -> m.contains("duplicate id 'a'"));
  }

  @Test
  void referencesToMissingResourcesAreErrors() throws Exception {
    assertThat(errors(NODES + "<resources><primitive id='a' class='lsb' type='x'/></resources><constraints>"
        + "<rsc_colocation id='c' rsc='a' with-rsc='ghost' score='INFINITY'/>"
        + "<rsc_order id='o' first='ghost2' then='a'/></constraints>"))
        .anyMatch(m -> m.contains("'ghost'"))
        .anyMatch(m -> m.contains("'ghost2'"));
  }

  @Test
  void badScoresAndRolesAreErrors() throws Exception {
    List<String> e = errors(NODES + "<resources><primitive id='a' class='lsb' type='x'/></resources><constraints>"
        + "<rsc_location id='l' rsc='a' score='lots' node='node1'/>"
        + "<rsc_colocation id='c' rsc='a' with-rsc='a' score='10' rsc-role='Boss'/></constraints>");
    assertThat(e).anyMatch(m -> m.contains("'lots' is not a score")).anyMatch(m -> m.contains("'Boss' is not a role"));
  }

  @Test
  void legacyRoleNamesAreAccepted() throws Exception {
    assertThat(errors(NODES + "<resources><primitive id='a' class='lsb' type='x'/></resources><constraints>"
        + "<rsc_location id='l' rsc='a' score='10' node='node1' role='Master'/></constraints>")).isEmpty();
  }

  @Test
  void ocfWithoutProviderAndBadIntervalsAreErrors() throws Exception {
    List<String> e = errors(NODES + "<resources><primitive id='a' class='ocf' type='Dummy'><operations>"
        + "<op id='a-m' name='monitor' interval='often'/></operations></primitive></resources><constraints/>");
    assertThat(e).anyMatch(m -> m.contains("needs a provider")).anyMatch(m -> m.contains("'often' is not a duration"));
  }

  @Test
  void unknownNodeInLocationIsOnlyAWarning() throws Exception {
    Cib cib = CibXml.parse("<cib><configuration>" + NODES + "<resources><primitive id='a' class='lsb' type='x'/>"
        + "</resources><constraints><rsc_location id='l' rsc='a' score='10' node='node9'/></constraints>"
        + "</configuration></cib>", "test");
    List<Problem> problems = CibValidator.validate(cib);
    assertThat(CibValidator.hasErrors(problems)).isFalse();
    assertThat(problems).anyMatch(p -> p.message().contains("node9"));
  }
}
