package org.vigil.pe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;

/**
 * Scores the scheduler's Transition Summary against the conformance cases (a multiset of
 * whitespace-normalised lines), per group. Not a test: run it by hand.
 * Arguments: the case directory, then optionally "-v" to print differences and a name filter.
 */
public final class ConformanceScore {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/conformance/pacemaker-2.1.5");
    boolean verbose = args.length > 1 && args[1].equals("-v");
    String filter = args.length > 2 ? args[2] : null;
    Map<String, String[]> cases = new TreeMap<>();
    for (String line : Files.readAllLines(dir.resolve("cases.tsv")).subList(1, Files.readAllLines(dir.resolve("cases.tsv")).size())) {
      String[] f = line.split("\t");
      cases.put(f[0], f);
    }
    Map<String, int[]> byGroup = new TreeMap<>();
    int[] part1 = new int[2];
    int[] all = new int[2];
    List<String> failures = new ArrayList<>();
    PacemakerScheduler scheduler = new PacemakerScheduler();
    for (var e : cases.entrySet()) {
      String name = e.getKey();
      if (filter != null && !name.matches(filter)) {
        continue;
      }
      String group = String.format("%02d %s p%s", Integer.parseInt(e.getValue()[1]), e.getValue()[2], e.getValue()[3]);
      boolean ok;
      List<String> got = List.of();
      List<String> want = expected(dir.resolve("summary/" + name + ".summary"));
      String error = null;
      try {
        Cib cib = CibXml.read(dir.resolve("xml/" + name + ".xml"));
        got = scheduler.schedule(cib, Instant.now()).summary().stream().map(ConformanceScore::norm).sorted().toList();
        ok = got.equals(want);
      } catch (Exception | StackOverflowError ex) {
        ok = false;
        error = ex.toString();
      }
      int[] g = byGroup.computeIfAbsent(group, k -> new int[2]);
      g[ok ? 0 : 1]++;
      all[ok ? 0 : 1]++;
      if (e.getValue()[3].equals("1")) {
        part1[ok ? 0 : 1]++;
      }
      if (!ok) {
        failures.add(name);
        if (verbose) {
          System.out.println("== " + name + " (" + group + ")" + (error != null ? " ERROR " + error : ""));
          for (String s : want) {
            if (!got.contains(s)) {
              System.out.println("  - " + s);
            }
          }
          for (String s : got) {
            if (!want.contains(s)) {
              System.out.println("  + " + s);
            }
          }
        }
      }
    }
    for (var g : byGroup.entrySet()) {
      System.out.printf("%-32s %3d / %3d%n", g.getKey(), g.getValue()[0], g.getValue()[0] + g.getValue()[1]);
    }
    System.out.printf("part 1: %d / %d%nall: %d / %d%n", part1[0], part1[0] + part1[1], all[0], all[0] + all[1]);
  }

  private static String norm(String s) {
    return s.trim().replaceAll("[ \t]+", " ");
  }

  private static List<String> expected(Path summary) throws Exception {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : Files.readAllLines(summary)) {
      if (line.equalsIgnoreCase("Transition Summary:")) {
        in = true;
        continue;
      }
      if (in) {
        if (line.isBlank() || line.toLowerCase().startsWith("executing cluster transition")) {
          break;
        }
        out.add(norm(line));
      }
    }
    return out.stream().sorted().collect(Collectors.toList());
  }
}
