package org.vigil.controller.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.controller.transition.ActionOutcome;
import org.vigil.controller.transition.ActionReport;
import org.vigil.controller.transition.ExecutedOperation;
import org.vigil.controller.transition.StatusChange;
import org.vigil.controller.transition.TransitionKey;
import org.vigil.lrm.Executor;

/** Runs ocf:pacemaker:Dummy through the real executor, the way a node carries out its actions. */
class LocalExecutionTest {
  private static final Path DUMMY = Path.of("/usr/lib/ocf/resource.d/pacemaker/Dummy");

  @TempDir Path dataDir;
  private Executor executor;
  private final BlockingQueue<ActionReport> reports = new LinkedBlockingQueue<>();
  private LocalExecution local;

  @BeforeEach
  void setUp() {
    assumeTrue(Files.isExecutable(DUMMY), "ocf:pacemaker:Dummy is not installed (apt-get install pacemaker-resource-agents)");
    executor = new Executor(LocalExecution.executorConfig("n1", dataDir));
    local = new LocalExecution(executor, reports::add);
  }

  @AfterEach
  void tearDown() {
    if (executor != null) {
      executor.close();
    }
  }

  private static PlannedOperation op(String task, long interval, int targetRc) {
    return new PlannedOperation("d1", "ocf", "pacemaker", "Dummy", task, interval, 20_000, Map.of(),
        Map.of("op_target_rc", Integer.toString(targetRc)));
  }

  private ActionReport next() throws InterruptedException {
    ActionReport r = reports.poll(20, TimeUnit.SECONDS);
    assertThat(r).as("a report within 20 s").isNotNull();
    return r;
  }

  private static ExecutedOperation executed(ActionReport r) {
    return ((StatusChange.OperationRecorded) r.result().statusChanges().get(0)).operation();
  }

  @Test
  void probeStartMonitorStopOfARealAgentWithItsStateUnderTheNodesDirectory() throws Exception {
    TransitionKey key = new TransitionKey(1, 0, 7, "dc");
    local.run(1, op("monitor", 0, 7), key);
    ActionReport probe = next();
    assertThat(probe.key()).isEqualTo(key);
    assertThat(probe.result().outcome()).isEqualTo(new ActionOutcome.Completed(1, 7));

    local.run(2, op("start", 0, 0), new TransitionKey(2, 0, 0, "dc"));
    ActionReport start = next();
    assertThat(start.result().outcome()).isEqualTo(new ActionOutcome.Completed(2, 0));
    ExecutedOperation e = executed(start);
    assertThat(List.of(e.node(), e.resource(), e.task())).containsExactly("n1", "d1", "start");
    assertThat(e.opDigest()).hasSize(32);
    assertThat(e.failed()).isFalse();
    try (var files = Files.walk(dataDir)) {
      assertThat(files.map(Path::toString).filter(f -> f.contains("Dummy-d1"))).as("Dummy's state file under HA_RSCTMP")
          .isNotEmpty();
    }

    TransitionKey monitorKey = new TransitionKey(3, 0, 0, "dc");
    local.run(3, op("monitor", 1000, 0), monitorKey);
    assertThat(next().result().outcome()).isEqualTo(new ActionOutcome.Completed(3, 0));
    try (var files = Files.walk(dataDir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("Dummy-d1")).toList()) {
        Files.delete(f); // the resource "dies" behind the cluster's back
      }
    }
    ActionReport failure = next();
    assertThat(failure.key()).isEqualTo(monitorKey);
    assertThat(executed(failure).rc()).isEqualTo(7);
    assertThat(executed(failure).failed()).isTrue();

    local.run(4, op("stop", 0, 0), new TransitionKey(4, 1, 0, "dc"));
    assertThat(next().result().outcome()).isEqualTo(new ActionOutcome.Completed(4, 0));
    assertThat(executor.recurringOperations()).as("a stop cancels the monitor").isEmpty();
    assertThat(reports.poll(1500, TimeUnit.MILLISECONDS)).as("no report for the cancelled monitor").isNull();
  }

  @Test
  void aMissingAgentIsNotRunningForAProbeAndAFailureForAStart() throws Exception {
    PlannedOperation probe = new PlannedOperation("x", "ocf", "pacemaker", "NoSuchAgent", "monitor", 0, 20_000,
        Map.of(), Map.of());
    local.run(1, probe, new TransitionKey(1, 0, 7, "dc"));
    assertThat(next().result().outcome()).isEqualTo(new ActionOutcome.Completed(1, 7));
    PlannedOperation start = new PlannedOperation("x", "ocf", "pacemaker", "NoSuchAgent", "start", 0, 20_000,
        Map.of(), Map.of());
    local.run(2, start, new TransitionKey(2, 0, 0, "dc"));
    ActionReport r = next();
    assertThat(r.result().outcome()).isInstanceOf(ActionOutcome.Failed.class);
    assertThat(executed(r).opStatus()).isEqualTo(7);
    PlannedOperation weird = new PlannedOperation("y", "upstart", null, "foo", "start", 0, 20_000, Map.of(), Map.of());
    local.run(3, weird, new TransitionKey(3, 0, 0, "dc"));
    assertThat(((ActionOutcome.Failed) next().result().outcome()).reason()).contains("upstart");
  }

  @Test
  void fencingDevicesAreStartedAndProbedWithoutAnAgentRun() throws Exception {
    PlannedOperation probe = new PlannedOperation("fence1", "stonith", null, "fence_vigil", "monitor", 0, 20_000,
        Map.of(), Map.of());
    local.run(1, probe, new TransitionKey(1, 0, 7, "dc"));
    assertThat(next().result().outcome()).isEqualTo(new ActionOutcome.Completed(1, 7));
    local.run(2, new PlannedOperation("fence1", "stonith", null, "fence_vigil", "start", 0, 20_000, Map.of(), Map.of()),
        new TransitionKey(2, 0, 0, "dc"));
    assertThat(next().result().outcome()).isEqualTo(new ActionOutcome.Completed(2, 0));
    local.run(3, probe, new TransitionKey(3, 0, 0, "dc"));
    assertThat(next().result().outcome()).isEqualTo(new ActionOutcome.Completed(3, 0));
  }
}
