package org.vigil.crmsh.configure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.crmsh.cib.FileCibAccess;
import org.vigil.crmsh.configure.shell.ConfigureSession;
import org.vigil.crmsh.configure.shell.ShellRunner;
import org.vigil.crmsh.configure.syntax.Lexer;
import org.vigil.crmsh.configure.syntax.TestAgents;

/**
 * Fifty malformed lines: each gives exactly one error naming its line and column, the script
 * stops, and the CIB file is byte for byte what it was.
 */
class MalformedInputTest {
  private static final String SETUP = """
      primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.8 op monitor interval=10s
      primitive fs ocf:heartbeat:Filesystem params device=/dev/sdb1 directory=/srv fstype=ext4
      primitive st stonith:fence_xvm
      group g fs
      """;

  @TempDir Path dir;
  Path cib;
  byte[] before;

  @BeforeEach
  void setUp() throws Exception {
    cib = dir.resolve("cib.xml");
    Files.writeString(cib, CibXml.write(Cib.empty()));
    ConfigureSession s = session(new StringWriter());
    assertThat(ShellRunner.script(s, Lexer.statements("property stonith-enabled=false\n" + SETUP))).isZero();
    before = Files.readAllBytes(cib);
  }

  private ConfigureSession session(StringWriter err) {
    return new ConfigureSession(new FileCibAccess(cib), new TestAgents(), new PrintWriter(new StringWriter()),
        new PrintWriter(err), f -> { });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "primitiv d1 ocf:heartbeat:Dummy",
      "frobnicate vip",
      "primitive",
      "primitive d1",
      "primitive d1 ocf:heartbeat:NoSuchAgent",
      "primitive d1 ocf:nosuchprovider:Dummy",
      "primitive d1 lsb:no-such-script-here",
      "primitive d1 ocf:Dummy",
      "primitive d1 weird:heartbeat:Dummy",
      "primitive d1 ocf::Dummy",
      "primitive vip ocf:heartbeat:Dummy",
      "primitive 1bad ocf:heartbeat:Dummy",
      "primitive d1 ocf:heartbeat:Dummy params nosuchparam=1",
      "primitive d1 ocf:heartbeat:Dummy op",
      "primitive d1 ocf:heartbeat:Dummy op interval=10s",
      "primitive d1 ocf:heartbeat:Dummy bogus fake=1",
      "primitive d1 ocf:heartbeat:Dummy params fake=\"unterminated",
      "primitive d1 @missing_template",
      "group g2",
      "group g2 nosuch",
      "group g2 fs",
      "group g2 vip vip",
      "clone c1",
      "clone c1 nosuch",
      "clone c1 vip bogus",
      "ms m1 vip extra",
      "location l1 vip",
      "location l1 vip node1",
      "location l1 vip abc: node1",
      "location l1 vip 100:",
      "location l1 nosuch 100: node1",
      "location l1 vip rule",
      "location l1 vip rule 10: pingd",
      "location l1 vip rule 10: pingd like 3",
      "location l1 vip rule 10: pingd wrong:gt 3",
      "location l1 vip rule 10: a eq 1 and b eq 2 or c eq 3",
      "location l1 vip rule date sometime x=1",
      "colocation c1 vip g",
      "colocation c1 inf: vip",
      "colocation c1 inf: vip nosuch",
      "colocation c1 inf: vip:Leader g",
      "colocation c1 inf: ( vip g",
      "colocation c1 inf: vip g )",
      "order o1 Sometimes: vip g",
      "order o1 Mandatory: vip:begin g",
      "order o1 Mandatory: [ vip g",
      "order o1 Mandatory: vip g frobs=1",
      "rsc_ticket t1 ticketA vip",
      "property",
      "fencing_topology st",
  })
  void eachMalformedLineGivesOneErrorWithItsPositionAndLeavesTheCibAlone(String line) throws Exception {
    StringWriter err = new StringWriter();
    ConfigureSession s = session(err);
    int rc;
    try {
      rc = ShellRunner.script(s, Lexer.statements(line + "\nprimitive later ocf:heartbeat:Dummy\n"));
    } catch (org.vigil.crmsh.configure.syntax.SyntaxError e) {
      // The lexer refuses the whole script before anything runs (an unbalanced quote).
      err.write("ERROR: " + e.getMessage() + "\n");
      rc = 1;
    }
    assertThat(rc).isEqualTo(1);
    List<String> errors = err.toString().lines().filter(l -> l.startsWith("ERROR: ")).toList();
    assertThat(errors).as(err.toString()).hasSize(1);
    assertThat(errors.get(0)).matches("ERROR: line 1(, column \\d+)?: .+");
    assertThat(Files.readAllBytes(cib)).isEqualTo(before);
  }
}
