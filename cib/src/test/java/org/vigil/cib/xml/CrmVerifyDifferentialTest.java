package org.vigil.cib.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.TestData;

/**
 * Differential test with Pacemaker's own crm_verify: wherever crm_verify accepts a corpus
 * CIB, it also accepts the CIB as Vigil writes it back.
 */
class CrmVerifyDifferentialTest {
  @TempDir Path tmp;

  static boolean crmVerifyInstalled() {
    try {
      Process p = new ProcessBuilder("crm_verify", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static int crmVerify(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("crm_verify", "-x", file.toString()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  @Test
  void vigilsOutputPassesCrmVerifyWhereverTheOriginalDoes() throws Exception {
    assumeTrue(crmVerifyInstalled(), "crm_verify not installed (apt-get install pacemaker-cli-utils): skipping");
    assumeTrue(Files.isDirectory(TestData.corpusXml()), "conformance corpus not found");
    List<Path> files = TestData.corpusFiles();
    AtomicInteger originalsAccepted = new AtomicInteger();
    ConcurrentLinkedQueue<String> regressions = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> futures = files.stream().<Future<?>>map(f -> pool.submit(() -> {
        if (crmVerify(f) != 0) {
          return null;
        }
        originalsAccepted.incrementAndGet();
        Path written = tmp.resolve(f.getFileName());
        Files.writeString(written, CibXml.write(CibXml.read(f)));
        int rc = crmVerify(written);
        if (rc != 0) {
          regressions.add(f.getFileName() + " (crm_verify rc " + rc + ")");
        }
        return null;
      })).toList();
      for (Future<?> fu : futures) {
        fu.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("crm_verify accepted %d of %d corpus CIBs; Vigil's rewrite of each passes: %d%n",
        originalsAccepted.get(), files.size(), originalsAccepted.get() - regressions.size());
    assertThat(originalsAccepted.get()).isGreaterThan(400);
    assertThat(regressions).isEmpty();
  }
}
