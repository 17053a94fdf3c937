package org.vigil.cib.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vigil.cib.store.CibStore;

/**
 * Benchmark (not a test): durable saves of a small CIB (about the size of the demo's, 4 KB) one after
 * another through {@link CibStore}, as vigild's store thread makes them; prints saves per second and
 * the median/p90 time of one save. Usage: {@code CibStoreBench [saves (300)] [dir (java.io.tmpdir)]}.
 */
public final class CibStoreBench {
  private CibStoreBench() {}

  public static void main(String[] args) throws Exception {
    int saves = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Path parent = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"));
    Path dir = Files.createTempDirectory(parent, "cib-store-bench");
    try {
      CibStore store = new CibStore(dir.resolve("cib.xml"), 5);
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 40; i++) {
        body.append("<primitive id=\"r").append(i).append("\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>");
      }
      List<Long> micros = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < saves; i++) {
        long s = System.nanoTime();
        store.save("<cib epoch=\"" + i + "\"><configuration><resources>" + body + "</resources></configuration></cib>");
        micros.add((System.nanoTime() - s) / 1000);
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      micros.sort(null);
      System.out.printf(Locale.ROOT, "%d durable saves in %.2f s = %.0f/s; one save: median %.2f ms, p90 %.2f ms%n",
          saves, secs, saves / secs, micros.get(saves / 2) / 1000.0, micros.get(saves * 9 / 10) / 1000.0);
    } finally {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
