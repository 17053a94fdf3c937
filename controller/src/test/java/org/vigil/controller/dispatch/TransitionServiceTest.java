package org.vigil.controller.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.xml.CibXml;
import org.vigil.controller.fencing.Fencer;
import org.vigil.controller.transition.StatusChange;
import org.vigil.lrm.Executor;
import org.vigil.pe.GraphAction;
import org.vigil.pe.GraphAction.Kind;
import org.vigil.pe.Scheduler;
import org.vigil.pe.Transition;

/**
 * Three nodes in one JVM, each with its own real executor running ocf:pacemaker:Dummy, wired
 * through encoded messages as vigild would carry them; the DC runs scripted transitions
 * (the scheduler is not under test here) and writes the status into one shared CIB.
 */
class TransitionServiceTest {
  private static final Path DUMMY = Path.of("/usr/lib/ocf/resource.d/pacemaker/Dummy");
  private static final List<String> NODES = List.of("n1", "n2", "n3");

  @TempDir Path dir;
  private final ExecutorService loop = Executors.newSingleThreadExecutor();
  private final Map<String, Executor> executors = new LinkedHashMap<>();
  private final Map<String, TransitionService> services = new LinkedHashMap<>();
  private volatile Cib cib;

  /** Hands out its transitions one per call, then empty ones. */
  private static final class Script implements Scheduler {
    final Deque<Transition> script = new ArrayDeque<>();
    final List<Cib> inputs = new ArrayList<>();

    @Override
    public Transition schedule(Cib c, Instant now) {
      inputs.add(c);
      return script.isEmpty() ? Transition.EMPTY : script.poll();
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    loop.submit(() -> services.values().forEach(TransitionService::close)).get();
    executors.values().forEach(Executor::close);
    loop.shutdownNow();
  }

  private interface Delivery {
    void run() throws TransitionCodec.MalformedException;
  }

  private static void deliver(Delivery d) {
    try {
      d.run();
    } catch (TransitionCodec.MalformedException e) {
      throw new AssertionError(e);
    }
  }

  private static GraphAction a(int id, String task, long interval, String node, Map<String, String> attrs,
      Integer... preds) {
    return new GraphAction(id, Kind.RESOURCE, "d1", task, interval, node, List.of(preds), attrs);
  }

  private void start(Script script) throws Exception {
    cib = CibXml.parse("""
        <cib epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/>
          <nodes><node id="1" uname="n1"/><node id="2" uname="n2"/><node id="3" uname="n3"/></nodes>
          <resources><primitive id="d1" class="ocf" provider="pacemaker" type="Dummy">
            <operations><op id="d1-mon" name="monitor" interval="1s" timeout="10s"/></operations>
          </primitive></resources><constraints/></configuration><status/></cib>
        """, "test");
    for (String n : NODES) {
      Executor ex = new Executor(LocalExecution.executorConfig(n, dir.resolve(n)));
      executors.put(n, ex);
      TransitionService.Outbox outbox = new TransitionService.Outbox() {
        @Override
        public boolean sendRun(String node, byte[] runRequest) {
          loop.execute(() -> deliver(() -> services.get(node).onMessage(runRequest)));
          return true;
        }

        @Override
        public boolean sendReport(byte[] report) {
          loop.execute(() -> deliver(() -> services.get("n1").onMessage(report)));
          return true;
        }

        @Override
        public void writeStatus(List<StatusChange> changes) {
          Cib next = cib;
          for (StatusChange c : changes) {
            next = c.applyTo(next);
          }
          cib = next.withVersion(next.version().nextUpdate());
          // as the daemon does after each turn of its loop: the CIB with every write so far
          loop.execute(() -> services.get("n1").cibCommitted(cib));
        }
      };
      services.put(n, new TransitionService(n, n.equals("n1") ? script : (c, now) -> Transition.EMPTY, outbox, loop::execute,
          ex, new Fencer(List.of())));
    }
    loop.submit(() -> services.get("n1").becameDc(cib)).get();
  }

  private Optional<LrmRscOp> op(String node, String id) {
    return cib.status().nodeState(node).stream().flatMap(s -> s.lrmResources().stream())
        .flatMap(r -> r.ops().stream()).filter(o -> id.equals(o.id())).findFirst();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(end);
      Thread.sleep(20);
    }
  }

  private boolean dummyStateOn(String node) throws Exception {
    try (Stream<Path> files = Files.walk(dir.resolve(node))) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("Dummy-d1"));
    }
  }

  @Test
  void probesStartAndMonitorOnTheNodesThenAFailedMonitorLeadsToRecoveryElsewhere() throws Exception {
    assumeTrue(Files.isExecutable(DUMMY), "ocf:pacemaker:Dummy is not installed");
    Script script = new Script();
    Map<String, String> probe = Map.of("target_rc", "7");
    script.script.add(new Transition(List.of(), List.of(a(1, "monitor", 0, "n1", probe), a(2, "monitor", 0, "n2", probe),
        a(3, "monitor", 0, "n3", probe), a(4, "start", 0, "n2", Map.of(), 1, 2, 3), a(5, "monitor", 1000, "n2",
            Map.of(), 4)), List.of()));
    script.script.add(new Transition(List.of(), List.of(a(1, "stop", 0, "n2", Map.of()), a(2, "start", 0, "n3",
        Map.of(), 1), a(3, "monitor", 1000, "n3", Map.of(), 2)), List.of()));
    start(script);

    await("d1 monitored on n2", () -> op("n2", "d1_monitor_1000").isPresent());
    for (String n : NODES) {
      assertThat(op(n, "d1_last_0")).as(n).isPresent();
    }
    assertThat(op("n1", "d1_last_0").orElseThrow().rc()).isEqualTo(7);
    assertThat(op("n2", "d1_last_0").orElseThrow().operationKey()).isEqualTo("d1_start_0");
    assertThat(dummyStateOn("n2")).isTrue();
    assertThat(dummyStateOn("n1") || dummyStateOn("n3")).as("each node's agents keep their own state").isFalse();

    try (Stream<Path> files = Files.walk(dir.resolve("n2"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("Dummy-d1")).toList()) {
        Files.delete(f); // d1 dies on n2
      }
    }
    await("d1 recovered on n3", () -> op("n3", "d1_monitor_1000").isPresent());
    assertThat(script.inputs).hasSize(2);
    assertThat(script.inputs.get(1).status().nodeState("n2").orElseThrow().transientAttribute("fail-count-d1#monitor_1000"))
        .contains("1");
    assertThat(op("n2", "d1_last_failure_0").orElseThrow().rc()).isEqualTo(7);
    assertThat(op("n2", "d1_last_0").orElseThrow().operationKey()).isEqualTo("d1_stop_0");
    assertThat(op("n2", "d1_monitor_1000")).as("the stop forgot the monitor").isEmpty();
    assertThat(dummyStateOn("n3")).isTrue();
    assertThat(executors.get("n2").recurringOperations()).isEmpty();
    assertThat(script.inputs).as("the DC's own status writes made no new transition").hasSize(2);

    Cib changed = cib.withAttribute("have-quorum", "0");
    loop.submit(() -> services.get("n1").cibCommitted(changed)).get();
    assertThat(script.inputs).as("any other change does").hasSize(3);
  }
}
