package org.vigil.cib.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.vigil.cib.TestData;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;

/**
 * Loads and writes the largest corpus CIB N times (default 1,000) and prints per-document
 * times. A benchmark, not a test: run it with bench/cib-io.sh.
 */
public final class CibIoBenchmark {
  private CibIoBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    List<Path> files = TestData.corpusFiles();
    Path largest = files.stream().max(Comparator.comparingLong(CibIoBenchmark::size)).orElseThrow();
    String text = Files.readString(largest);
    for (int i = 0; i < 50; i++) {
      CibXml.write(CibXml.parse(text, "warm-up"));
    }
    long[] load = new long[rounds];
    long[] write = new long[rounds];
    Cib cib = null;
    String out = null;
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      cib = CibXml.parse(text, largest.toString());
      long t1 = System.nanoTime();
      out = CibXml.write(cib);
      long t2 = System.nanoTime();
      load[i] = t1 - t0;
      write[i] = t2 - t1;
    }
    System.out.printf("document: %s (%,d bytes in, %,d bytes out), %d rounds%n", largest.getFileName(),
        text.length(), out.length(), rounds);
    print("load (parse + typed model)", load, text.length());
    print("write (model -> XML text)", write, out.length());
    System.out.printf("round trip equal: %s%n", CibXml.parse(out, "again").equals(cib));
  }

  private static void print(String what, long[] nanos, int bytes) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    double mean = Arrays.stream(s).average().orElse(0) / 1e6;
    System.out.printf("%-28s median %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  mean %6.2f ms  (%.0f MB/s at median)%n", what,
        s[s.length / 2] / 1e6, s[(int) (s.length * 0.9)] / 1e6, s[(int) (s.length * 0.99)] / 1e6, mean,
        bytes / (s[s.length / 2] / 1e9) / 1e6);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
