package org.vigil.pe;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.render.SimulationReport;
import org.vigil.pe.render.StatusView;
import org.vigil.pe.render.StatusViews;
import org.vigil.pe.simulate.SimulatedExecution;
import org.vigil.pe.simulate.TransitionSimulator;
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.ClusterStatus;
import org.vigil.pe.status.Replays;

/**
 * Prints how long each phase of {@code crm simulate -x FILE -S} takes on a CIB file: reading
 * (XML to model), status unpack, status view, scheduling, simulated execution, revised view and
 * rendering, for several rounds (the first is what a one-shot process pays). Not a test: run it
 * by hand; each phase shows CPU time of this thread + garbage collection time and the memory this thread allocated, e.g. {@code java -cp ... org.vigil.pe.SchedulerBench FILE [ROUNDS]}.
 */
public final class SchedulerBench {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (int round = 0; round < rounds; round++) {
      Timer t = new Timer();
      Cib cib = CibXml.read(file);
      t.lap("read");
      Instant now = cib.executionDate().orElse(Instant.EPOCH);
      Replays replays = new Replays();
      ClusterState state = ClusterStatus.unpack(cib, now, replays);
      t.lap("unpack");
      StatusView current = StatusViews.of(state);
      t.lap("view");
      Transition transition = new PacemakerScheduler().schedule(state);
      t.lap("schedule");
      SimulatedExecution execution = TransitionSimulator.run(cib, transition, now);
      t.lap("execute");
      StatusView revised = StatusViews.of(ClusterStatus.unpack(execution.revised(), now, replays));
      t.lap("revised");
      String out = SimulationReport.render(cib.executionDate(), current, transition.summary(), execution.lines(),
          revised);
      t.lap("render");
      System.out.printf("round %d: %s total %s (%d chars, %d actions)%n", round, t.laps, t.total(), out.length(),
          transition.actions().size());
    }
  }

  /** Laps of this thread's CPU time and of collector time (the machine is shared: wall time says little). */
  private static final class Timer {
    final long startCpu = cpuNanos();
    final long startGc = gcMillis();
    long lastCpu = startCpu;
    long lastGc = startGc;
    long lastAlloc = allocatedBytes();
    final StringBuilder laps = new StringBuilder();

    void lap(String phase) {
      long cpu = cpuNanos();
      long gc = gcMillis();
      long alloc = allocatedBytes();
      laps.append(phase).append(' ').append((cpu - lastCpu) / 1_000_000).append('+').append(gc - lastGc)
          .append(" ms ").append((alloc - lastAlloc) >> 20).append(" MB, ");
      lastCpu = cpu;
      lastGc = gc;
      lastAlloc = alloc;
    }

    String total() {
      return (lastCpu - startCpu) / 1_000_000 + " ms cpu + " + (lastGc - startGc) + " ms gc";
    }

    private static long cpuNanos() {
      return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long allocatedBytes() {
      return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
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
