package org.vigil.cib.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.xml.CibXml;

/**
 * Benchmark (not a test): reads a CIB file into the model ({@link CibXml#read}) several times
 * in this JVM and prints, per round, wall time, CPU time of the reading thread and of the whole
 * process (reading uses a second thread on large status sections), collector time, allocation
 * and MB/s. Round 0 is what a one-shot {@code crm} process pays; run it with bench/cib-read.sh,
 * which starts a JVM per file with crm's flags. Usage: {@code CibReadBench FILE [ROUNDS (5)]}.
 */
public final class CibReadBench {
  private CibReadBench() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    double mb = Files.size(file) / 1e6;
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 0; round < rounds; round++) {
      long wall0 = System.nanoTime();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long process0 = os.getProcessCpuTime();
      long gc0 = gcMillis();
      long alloc0 = threads.getCurrentThreadAllocatedBytes();
      Cib cib = CibXml.read(file);
      long wall = System.nanoTime() - wall0;
      long cpu = threads.getCurrentThreadCpuTime() - cpu0;
      long process = os.getProcessCpuTime() - process0;
      long gc = gcMillis() - gc0;
      long alloc = threads.getCurrentThreadAllocatedBytes() - alloc0;
      System.out.printf("%s round %d: wall %4d ms, cpu %4d ms (process %4d ms), gc %3d ms, allocated %3d MB by the"
              + " reading thread, %5.1f MB/s (%.1f MB, %d node states, %d operations)%n", file.getFileName(), round,
          wall / 1_000_000, cpu / 1_000_000, process / 1_000_000, gc, alloc >> 20, mb / (wall / 1e9), mb,
          cib.status().nodeStates().size(), operations(cib));
    }
  }

  private static long operations(Cib cib) {
    long ops = 0;
    for (NodeState n : cib.status().nodeStates()) {
      for (LrmResource r : n.lrmResources()) {
        ops += r.ops().size();
      }
    }
    return ops;
  }

  private static long gcMillis() {
    long ms = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += gc.getCollectionTime();
    }
    return ms;
  }
}
