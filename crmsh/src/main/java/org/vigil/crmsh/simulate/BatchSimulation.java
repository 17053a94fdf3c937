package org.vigil.crmsh.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.vigil.cib.model.Cib;
import org.vigil.crmsh.CrmException;
import org.vigil.pe.Scheduler;
import org.vigil.pe.simulate.CrmSimulate;
import org.vigil.pe.simulate.SimulationOutput;

/**
 * Simulates every {@code NAME.xml} of a directory into {@code NAME.summary} (stderr then
 * stdout, as a shell's {@code > F 2>&1} would collect crm_simulate's). Cases are isolated: one
 * that throws gets its error written and the batch goes on; one that runs past the time limit
 * is abandoned (its thread is a daemon and left to finish or die with the process) and gets a
 * timeout message.
 */
final class BatchSimulation {
  /** How a batch went. */
  record Totals(int cases, int failed, int timedOut) {}

  private final Scheduler scheduler;
  private final int lanes;
  private final long caseTimeoutMs;

  BatchSimulation(Scheduler scheduler, int lanes, int caseTimeoutSeconds) {
    this.scheduler = scheduler;
    this.lanes = lanes;
    this.caseTimeoutMs = caseTimeoutSeconds * 1000L;
  }

  Totals run(Path xmlDir, Path summaryDir) {
    List<Path> cases;
    try (Stream<Path> files = Files.list(xmlDir)) {
      cases = files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
      Files.createDirectories(summaryDir);
    } catch (IOException e) {
      throw new CrmException("cannot read case directory " + xmlDir + ": " + e.getMessage());
    }
    ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(cases);
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger timedOut = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < lanes; i++) {
      Thread t = new Thread(() -> {
        Path c;
        while ((c = queue.poll()) != null) {
          Outcome o = runOne(c, summaryDir);
          if (o == Outcome.FAILED) {
            failed.incrementAndGet();
          } else if (o == Outcome.TIMED_OUT) {
            timedOut.incrementAndGet();
          }
        }
      }, "simulate-lane-" + i);
      t.start();
      workers.add(t);
    }
    for (Thread t : workers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CrmException("interrupted while simulating");
      }
    }
    return new Totals(cases.size(), failed.get(), timedOut.get());
  }

  private enum Outcome { OK, FAILED, TIMED_OUT }

  private Outcome runOne(Path xml, Path summaryDir) {
    String name = xml.getFileName().toString();
    Path out = summaryDir.resolve(name.substring(0, name.length() - ".xml".length()) + ".summary");
    AtomicReference<String> text = new AtomicReference<>();
    AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.OK);
    Thread worker = new Thread(() -> {
      try {
        text.set(simulate(xml));
      } catch (Throwable e) { // a case must never take the batch down, whatever it throws
        outcome.set(Outcome.FAILED);
        text.set("crm simulate: " + name + ": " + describe(e) + "\n");
      }
    }, "simulate-" + name);
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join(caseTimeoutMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      worker.interrupt();
      outcome.set(Outcome.TIMED_OUT);
      text.set("crm simulate: " + name + ": abandoned after " + caseTimeoutMs / 1000 + " s\n");
    }
    try {
      Files.writeString(out, text.get(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CrmException("cannot write " + out + ": " + e.getMessage());
    }
    return outcome.get();
  }

  private String simulate(Path xml) {
    Cib cib = SimulateCommand.read(xml);
    SimulationOutput o = CrmSimulate.run(cib, cib.executionDate().orElseGet(Instant::now), scheduler,
        CrmSimulate.Mode.SIMULATE, false);
    return o.stderr() + o.stdout();
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + m;
  }
}
