package org.vigil.crmsh.configure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.crmsh.cib.FileCibAccess;
import org.vigil.crmsh.configure.shell.ConfigureSession;
import org.vigil.crmsh.configure.shell.ConfigureSession.Outcome;
import org.vigil.crmsh.configure.syntax.Lexer;
import org.vigil.crmsh.configure.syntax.TestAgents;

/** The configure level's commands on a working copy: nothing reaches the CIB before commit. */
class ConfigureSessionTest {
  @TempDir Path dir;
  Path cib;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();
  ConfigureSession session;

  @BeforeEach
  void setUp() throws Exception {
    cib = dir.resolve("cib.xml");
    Files.writeString(cib, CibXml.write(Cib.empty()));
    session = new ConfigureSession(new FileCibAccess(cib), new TestAgents(), new PrintWriter(out), new PrintWriter(err),
        file -> Files.writeString(file, Files.readString(file).replace("ip=10.0.0.8", "ip=10.0.0.9")));
    run("property stonith-enabled=false");
    run("primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.8");
    run("primitive db lsb:mysqld");
    run("colocation db_with_vip inf: db vip");
  }

  private Outcome run(String line) {
    return session.execute(Lexer.statement(line));
  }

  private String show(String line) {
    out.getBuffer().setLength(0);
    assertThat(run(line)).as(err.toString()).isEqualTo(Outcome.OK);
    return out.toString();
  }

  @Test
  void changesStayPendingUntilCommit() throws Exception {
    byte[] before = Files.readAllBytes(cib);
    assertThat(session.pending()).isTrue();
    assertThat(show("show changed")).contains("primitive vip IPaddr2", "colocation db_with_vip inf: db vip");
    assertThat(Files.readAllBytes(cib)).isEqualTo(before);
    assertThat(run("commit")).isEqualTo(Outcome.OK);
    assertThat(session.pending()).isFalse();
    assertThat(show("show changed")).isEmpty();
    assertThat(CibXml.read(cib).configuration().findResource("db")).isPresent();
  }

  @Test
  void deleteTakesTheConstraintsOfTheResourceAlong() {
    assertThat(run("delete vip")).isEqualTo(Outcome.OK);
    assertThat(out.toString()).contains("constraint db_with_vip");
    assertThat(session.workspace().entry("db_with_vip")).isEmpty();
    assertThat(run("delete nosuch")).isEqualTo(Outcome.ERROR);
    assertThat(err.toString()).contains("object nosuch does not exist");
  }

  @Test
  void renameFollowsReferences() {
    assertThat(run("rename vip ip1")).isEqualTo(Outcome.OK);
    assertThat(show("show db_with_vip")).isEqualTo("colocation db_with_vip inf: db ip1\n");
    assertThat(run("rename db ip1")).isEqualTo(Outcome.ERROR);
  }

  @Test
  void editRunsTheEditorOnTheWholeConfiguration() {
    assertThat(run("edit")).isEqualTo(Outcome.OK);
    assertThat(show("show vip")).contains("params ip=10.0.0.9");
  }

  @Test
  void eraseKeepsPropertiesAndRefreshDropsPendingChanges() throws Exception {
    run("commit");
    run("erase");
    assertThat(session.workspace().resourceIds()).isEmpty();
    assertThat(show("show")).contains("property cib-bootstrap-options:");
    run("refresh");
    assertThat(session.workspace().resourceIds()).containsExactlyInAnyOrder("vip", "db");
  }

  @Test
  void saveThenLoadReplaceGivesTheSameConfiguration() throws Exception {
    Path saved = dir.resolve("saved.crm");
    assertThat(run("save " + saved)).isEqualTo(Outcome.OK);
    String text = Files.readString(saved);
    run("erase");
    assertThat(run("load replace " + saved)).isEqualTo(Outcome.OK);
    assertThat(show("show")).isEqualTo(text);
    Path update = dir.resolve("update.crm");
    Files.writeString(update, "primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.7\nprimitive extra ocf:heartbeat:Dummy\n");
    assertThat(run("load update " + update)).isEqualTo(Outcome.OK);
    assertThat(show("show vip")).contains("ip=10.0.0.7");
    assertThat(session.workspace().resourceIds()).contains("extra", "db");
  }

  @Test
  void verifyReportsWhatCommitWouldRefuse() throws Exception {
    assertThat(run("verify")).isEqualTo(Outcome.OK);
    byte[] before = Files.readAllBytes(cib);
    run("primitive bad ocf:heartbeat:Dummy meta target-role=Sideways");
    assertThat(run("verify")).isEqualTo(Outcome.ERROR);
    assertThat(err.toString()).contains("'Sideways' is not a role");
    assertThat(run("commit")).isEqualTo(Outcome.ERROR);
    assertThat(Files.readAllBytes(cib)).isEqualTo(before);
  }

  @Test
  void helpPrintsTheUsageOfACommand() {
    assertThat(show("help primitive")).startsWith("usage: primitive ID CLASS:PROVIDER:TYPE");
    assertThat(show("help")).contains("colocation", "commit", "import-haresources");
  }
}
