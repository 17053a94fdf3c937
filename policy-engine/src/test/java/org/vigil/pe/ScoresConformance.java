package org.vigil.pe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.status.ClusterStatus;

/**
 * Compares Vigil's allocation and promotion scores ({@code crm simulate -sSQ}) with Pacemaker's
 * for every case of a conformance corpus (its {@code scores/NAME.scores}, sorted lines): how many
 * cases match exactly, and what share of Pacemaker's score lines Vigil prints as they are (a line
 * counted once per occurrence), overall and per function ({@code pcmk__primitive_assign}...).
 * Also checks that recording the scores changes no transition. Not a test: {@code bench/scores-conformance.sh [CORPUS] [--show N] [--out DIR]} ({@code --out}: Vigil's
 * sorted lines written to DIR/NAME.scores).
 */
public final class ScoresConformance {
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of("/work/shared/conformance/pacemaker-2.1.5");
    int show = 0;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--show" -> show = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> corpus = Path.of(args[i]);
      }
    }
    List<Path> cases;
    try (Stream<Path> s = Files.list(corpus.resolve("xml"))) {
      cases = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    int exact = 0;
    int compared = 0;
    int failed = 0;
    List<String> changed = new ArrayList<>();
    Map<String, int[]> byFunction = new HashMap<>();
    List<String> mismatched = new ArrayList<>();
    for (Path xml : cases) {
      String name = xml.getFileName().toString().replaceFirst("\\.xml$", "");
      Path expectedFile = corpus.resolve("scores").resolve(name + ".scores");
      if (!Files.exists(expectedFile)) {
        continue;
      }
      compared++;
      List<String> expected = normalised(Files.readAllLines(expectedFile));
      List<String> actual;
      try {
        Scored scored = scores(xml);
        actual = normalised(scored.lines());
        if (!scored.samePlacement()) {
          changed.add(name);
        }
      } catch (RuntimeException | StackOverflowError e) {
        failed++;
        actual = List.of();
      }
      Map<String, Integer> left = new HashMap<>();
      actual.forEach(l -> left.merge(l, 1, Integer::sum));
      for (String line : expected) {
        int[] counts = byFunction.computeIfAbsent(function(line), k -> new int[2]);
        counts[1]++;
        Integer n = left.get(line);
        if (n != null && n > 0) {
          left.put(line, n - 1);
          counts[0]++;
        }
      }
      if (out != null) {
        Files.createDirectories(out);
        Files.write(out.resolve(name + ".scores"), actual);
      }
      if (expected.equals(actual)) {
        exact++;
      } else {
        mismatched.add(name);
      }
    }
    int matched = 0;
    int total = 0;
    for (int[] c : byFunction.values()) {
      matched += c[0];
      total += c[1];
    }
    System.out.printf("scores: %d/%d cases identical (%d failed to schedule); %d/%d lines (%.1f%%)%n", exact,
        compared, failed, matched, total, 100.0 * matched / Math.max(1, total));
    byFunction.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> System.out.printf(
        "  %-24s %6d/%-6d (%.1f%%)%n", e.getKey(), e.getValue()[0], e.getValue()[1],
        100.0 * e.getValue()[0] / e.getValue()[1]));
    System.out.println("transitions changed by recording scores: " + changed.size() + " " + changed);
    mismatched.stream().limit(show).forEach(n -> System.out.println("  differs: " + n));
  }

  /** A case's score lines, and whether recording them left the transition as it is without. */
  private record Scored(List<String> lines, boolean samePlacement) {}

  private static Scored scores(Path xml) throws Exception {
    Cib cib = CibXml.read(xml);
    Instant now = cib.executionDate().orElseGet(Instant::now);
    AllocationScores scores = new AllocationScores();
    Transition with = new PacemakerScheduler().schedule(ClusterStatus.unpack(cib, now), scores);
    Transition without = new PacemakerScheduler().schedule(ClusterStatus.unpack(cib, now));
    return new Scored(scores.lines(), with.equals(without));
  }

  /** Lines without surrounding whitespace, blank ones dropped, sorted. */
  private static List<String> normalised(List<String> lines) {
    return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
  }

  /** The function a line names ({@code pcmk__primitive_assign}), or "promotion" for a promotion score. */
  private static String function(String line) {
    if (line.contains(" promotion score on ")) {
      return "promotion";
    }
    int colon = line.indexOf(": ");
    return colon < 0 || line.substring(0, colon).contains(" ") ? "other" : line.substring(0, colon);
  }
}
