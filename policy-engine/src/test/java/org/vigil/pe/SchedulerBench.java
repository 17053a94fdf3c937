package org.vigil.pe;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlCodec;
import org.vigil.cib.xml.XmlElement;
import org.vigil.pe.render.SimulationReport;
import org.vigil.pe.render.StatusView;
import org.vigil.pe.render.StatusViews;
import org.vigil.pe.simulate.SimulatedExecution;
import org.vigil.pe.simulate.TransitionSimulator;
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.ClusterStatus;

/**
 * Prints how long each phase of {@code crm simulate -x FILE -S} takes on a CIB file: XML parse,
 * model read, status unpack, status view, scheduling, simulated execution, revised view and
 * rendering, for several rounds (the first is what a one-shot process pays). Not a test: run it
 * by hand; each phase shows CPU time of this thread + garbage collection time, e.g. {@code java -cp ... org.vigil.pe.SchedulerBench FILE [ROUNDS]}.
 */
public final class SchedulerBench {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (int round = 0; round < rounds; round++) {
      Timer t = new Timer();
      XmlElement root = parse(file);
      t.lap("xml");
      Cib cib = CibXml.fromElement(root, file.toString());
      t.lap("model");
      Instant now = cib.executionDate().orElse(Instant.EPOCH);
      ClusterState state = ClusterStatus.unpack(cib, now);
      t.lap("unpack");
      StatusView current = StatusViews.of(state);
      t.lap("view");
      Transition transition = new PacemakerScheduler().schedule(cib, now);
      t.lap("schedule");
      SimulatedExecution execution = TransitionSimulator.run(cib, transition, now);
      t.lap("execute");
      StatusView revised = StatusViews.of(ClusterStatus.unpack(execution.revised(), now));
      t.lap("revised");
      String out = SimulationReport.render(cib.executionDate(), current, transition.summary(), execution.lines(),
          revised);
      t.lap("render");
      System.out.printf("round %d: %s total %s (%d chars, %d actions)%n", round, t.laps, t.total(), out.length(),
          transition.actions().size());
    }
  }

  private static XmlElement parse(Path file) throws IOException, Exception {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return XmlCodec.parse(r, file.toString());
    }
  }

  /** Laps of this thread's CPU time and of collector time (the machine is shared: wall time says little). */
  private static final class Timer {
    final long startCpu = cpuNanos();
    final long startGc = gcMillis();
    long lastCpu = startCpu;
    long lastGc = startGc;
    final StringBuilder laps = new StringBuilder();

    void lap(String phase) {
      long cpu = cpuNanos();
      long gc = gcMillis();
      laps.append(phase).append(' ').append((cpu - lastCpu) / 1_000_000).append('+').append(gc - lastGc)
          .append(" ms, ");
      lastCpu = cpu;
      lastGc = gc;
    }

    String total() {
      return (lastCpu - startCpu) / 1_000_000 + " ms cpu + " + (lastGc - startGc) + " ms gc";
    }

    private static long cpuNanos() {
      return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long gcMillis() {
      long ms = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ms += gc.getCollectionTime();
      }
      return ms;
    }
  }
}
