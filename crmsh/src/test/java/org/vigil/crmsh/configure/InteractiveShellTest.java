package org.vigil.crmsh.configure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;

/**
 * The real {@code bin/crm configure} on a pseudo-terminal (util-linux {@code script} makes
 * one; it has no size until stty gives it one): completion offers an agent's parameters, history recalls a line, and quit with
 * pending changes asks before leaving.
 */
class InteractiveShellTest {
  @TempDir Path dir;
  private Process shell;
  private final StringBuffer screen = new StringBuffer();

  @AfterEach
  void stop() {
    if (shell != null) {
      shell.destroyForcibly();
    }
  }

  private void type(String keys) throws Exception {
    OutputStream in = shell.getOutputStream();
    in.write(keys.getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** What the terminal showed so far, escape sequences removed. */
  private String shown() {
    return screen.toString().replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "").replaceAll("\u001B[=>]", "");
  }

  private String waitFor(String text) throws Exception {
    for (int i = 0; i < 600 && !shown().contains(text); i++) {
      Thread.sleep(100);
    }
    return shown();
  }

  @Test
  void completionHistoryAndQuitWarning() throws Exception {
    Path crm = Path.of(System.getProperty("user.dir")).resolve("../bin/crm").normalize();
    Assumptions.assumeTrue(TranscriptDifferentialTest.onPath("script"), "util-linux script not installed");
    Assumptions.assumeTrue(Files.exists(Path.of(System.getProperty("user.dir"), "target/lib")), "crmsh not packaged");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/lib/ocf/resource.d/heartbeat/IPaddr2")),
        "no IPaddr2 agent here");
    Path cib = dir.resolve("cib.xml");
    Files.writeString(cib, CibXml.write(Cib.empty()));
    byte[] before = Files.readAllBytes(cib);
    ProcessBuilder pb = new ProcessBuilder(List.of("script", "-qfec", "stty cols 200 rows 50; " + crm + " configure", "/dev/null"))
        .redirectErrorStream(true);
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("CIB_file", cib.toString());
    pb.environment().put("TERM", "xterm");
    pb.environment().remove("XDG_CONFIG_HOME");
    shell = pb.start();
    Thread reader = new Thread(() -> {
      try (InputStream out = shell.getInputStream()) {
        byte[] buf = new byte[4096];
        for (int n; (n = out.read(buf)) > 0; ) {
          screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
      } catch (java.io.IOException e) {
        screen.append("\n[read error: ").append(e.getMessage()).append("]");
      }
    });
    reader.setDaemon(true);
    reader.start();

    assertThat(waitFor("configure# ")).contains(")configure# ");
    Thread.sleep(1000);
    type("primitive vip IPaddr2 params ci\t");
    assertThat(waitFor("params cidr_netmask=")).contains("params cidr_netmask=");
    type("24 ip=10.0.0.8\r");
    type("show vip\r");
    assertThat(waitFor("params cidr_netmask=24 ip=10.0.0.8\r\n")).contains("primitive vip IPaddr2");

    int mark = shown().length();
    // Up arrow as an xterm in application cursor mode (which jline turns on) sends it, twice.
    type("\u001BOA");
    waitFor("show vip");
    type("\u001BOA");
    Thread.sleep(500);
    type("\r");
    assertThat(waitFor("object vip already exists").substring(mark)).contains("primitive vip IPaddr2 params")
        .contains("object vip already exists");

    type("quit\r");
    assertThat(waitFor("There are changes pending")).contains("Do you want to commit them (y/n)?");
    assertThat(Files.readAllBytes(cib)).isEqualTo(before);
    type("y\r");
    assertThat(shell.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(CibXml.read(cib).configuration().findResource("vip")).isPresent();
    assertThat(Files.readString(dir.resolve(".config/crm/history"))).contains("primitive vip IPaddr2");
  }
}
