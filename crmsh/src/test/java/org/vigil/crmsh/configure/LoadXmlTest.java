package org.vigil.crmsh.configure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.crmsh.CrmProcess;
import org.vigil.crmsh.CrmProcess.Result;

/** {@code crm configure load xml replace|update} and {@code show xml} on a CIB_file. */
class LoadXmlTest {
  @TempDir Path dir;

  private static final String BASE = """
      <cib admin_epoch="0" epoch="5" num_updates="2" validate-with="pacemaker-3.7">
        <configuration>
          <crm_config><cluster_property_set id="cib-bootstrap-options">
            <nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="false"/>
          </cluster_property_set></crm_config>
          <nodes><node id="1" uname="node1"/><node id="2" uname="node2"/></nodes>
          <resources><primitive id="old" class="ocf" provider="pacemaker" type="Dummy"/></resources>
          <constraints/>
        </configuration>
        <status><node_state id="1" uname="node1" in_ccm="true" crmd="online" join="member" expected="member"/></status>
      </cib>
      """;

  private static final String NEW_CONFIG = """
      <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.7">
        <configuration>
          <crm_config/>
          <nodes><node id="1" uname="node1"/><node id="2" uname="node2"/></nodes>
          <resources>
            <group id="g_web">
              <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
                <instance_attributes id="vip-instance_attributes">
                  <nvpair id="vip-instance_attributes-ip" name="ip" value="10.0.0.8"/>
                </instance_attributes>
              </primitive>
              <primitive id="web" class="lsb" type="apache2"/>
            </group>
          </resources>
          <constraints><rsc_location id="l_web" rsc="g_web" score="100" node="node1"/></constraints>
        </configuration>
      </cib>
      """;

  private Path cibFile() throws Exception {
    Path f = dir.resolve("cib.xml");
    Files.writeString(f, BASE);
    return f;
  }

  @Test
  void replaceThenShowXmlGivesTheLoadedConfiguration() throws Exception {
    Path x = cibFile();
    Path y = dir.resolve("new.xml");
    Files.writeString(y, NEW_CONFIG);
    Result load = CrmProcess.run(Map.of("CIB_file", x.toString()), null, "configure", "load", "xml", "replace", y.toString());
    assertThat(load.exitCode()).as(load.stderr()).isZero();
    Result show = CrmProcess.run(Map.of("CIB_file", x.toString()), null, "configure", "show", "xml");
    assertThat(show.exitCode()).isZero();
    Cib shown = CibXml.parse(show.stdout(), "show xml");
    Cib expected = CibXml.parse(NEW_CONFIG, "new");
    assertThat(shown.configuration()).isEqualTo(expected.configuration());
    Cib stored = CibXml.read(x);
    assertThat(stored.version().epoch()).as("epoch bumped past the old one").isEqualTo(6);
    assertThat(stored.status().nodeStates()).as("status kept").hasSize(1);
  }

  @Test
  void updateMergesIntoTheExistingConfiguration() throws Exception {
    Path x = cibFile();
    Path y = dir.resolve("new.xml");
    Files.writeString(y, NEW_CONFIG);
    Result load = CrmProcess.run(Map.of("CIB_file", x.toString()), null, "configure", "load", "xml", "update", y.toString());
    assertThat(load.exitCode()).as(load.stderr()).isZero();
    Cib stored = CibXml.read(x);
    assertThat(stored.configuration().resources()).extracting(r -> r.id()).containsExactly("old", "g_web");
    assertThat(stored.configuration().property("stonith-enabled")).contains("false");
  }

  @Test
  void malformedXmlLeavesTheCibByteForByteAndSaysWhere() throws Exception {
    Path x = cibFile();
    byte[] before = Files.readAllBytes(x);
    Path y = dir.resolve("bad.xml");
    Files.writeString(y, "<cib>\n<configuration>\n<resources>\n</configuration></cib>");
    Result load = CrmProcess.run(Map.of("CIB_file", x.toString()), null, "configure", "load", "xml", "replace", y.toString());
    assertThat(load.exitCode()).isNotZero();
    assertThat(load.stderr().lines().filter(l -> l.startsWith("ERROR")).count()).isEqualTo(1);
    assertThat(load.stderr()).contains("bad.xml:4");
    assertThat(Files.readAllBytes(x)).isEqualTo(before);
  }

  @Test
  void invalidConfigurationLeavesTheCibByteForByte() throws Exception {
    Path x = cibFile();
    byte[] before = Files.readAllBytes(x);
    Path y = dir.resolve("invalid.xml");
    Files.writeString(y, NEW_CONFIG.replace("<constraints>", "<constraints><rsc_order id=\"o\" first=\"ghost\" then=\"vip\"/>"));
    Result load = CrmProcess.run(Map.of("CIB_file", x.toString()), null, "configure", "load", "xml", "replace", y.toString());
    assertThat(load.exitCode()).isNotZero();
    assertThat(load.stderr()).contains("'ghost'").contains("unchanged");
    assertThat(Files.readAllBytes(x)).isEqualTo(before);
  }

  @Test
  void aDoctypeIsRefused() throws Exception {
    Path x = cibFile();
    byte[] before = Files.readAllBytes(x);
    Path y = dir.resolve("xxe.xml");
    Files.writeString(y, "<?xml version=\"1.0\"?><!DOCTYPE cib [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><cib>&x;</cib>");
    Result load = CrmProcess.run(Map.of("CIB_file", x.toString()), null, "configure", "load", "xml", "replace", y.toString());
    assertThat(load.exitCode()).isNotZero();
    assertThat(load.stderr()).contains("DOCTYPE");
    assertThat(Files.readAllBytes(x)).isEqualTo(before);
  }

  @Test
  void verifyReportsErrorsWithANonZeroExit() throws Exception {
    Path x = dir.resolve("cib.xml");
    Files.writeString(x, BASE.replace("<constraints/>", "<constraints><rsc_colocation id=\"c\" rsc=\"old\" with-rsc=\"nope\" score=\"INFINITY\"/></constraints>"));
    Result verify = CrmProcess.run(Map.of("CIB_file", x.toString()), null, "configure", "verify");
    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.stderr()).contains("error:").contains("'nope'");
    Result ok = CrmProcess.run(Map.of("CIB_file", cibFile().toString()), null, "configure", "verify");
    assertThat(ok.exitCode()).isZero();
  }

  @Test
  void aMissingCibFileIsOneClearError() throws Exception {
    Result show = CrmProcess.run(Map.of("CIB_file", dir.resolve("nope.xml").toString()), null, "configure", "show", "xml");
    assertThat(show.exitCode()).isNotZero();
    assertThat(show.stderr().strip()).isEqualTo("ERROR: CIB file " + dir.resolve("nope.xml") + " does not exist");
  }
}
