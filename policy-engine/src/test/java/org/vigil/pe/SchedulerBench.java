package org.vigil.pe;

import java.nio.file.Path;
import java.time.Instant;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;

/** Prints how long parsing and scheduling a CIB file take (several rounds). Not a test: run it by hand. */
public final class SchedulerBench {
  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    Cib cib = CibXml.read(Path.of(args[0]));
    long t1 = System.nanoTime();
    System.out.printf("parse %d ms%n", (t1 - t0) / 1_000_000);
    PacemakerScheduler s = new PacemakerScheduler();
    for (int round = 0; round < 5; round++) {
      long a = System.nanoTime();
      Transition t = s.schedule(cib, Instant.EPOCH);
      long b = System.nanoTime();
      System.out.printf("schedule %d ms: %d summary lines, %d actions%n", (b - a) / 1_000_000, t.summary().size(),
          t.actions().size());
    }
  }
}
