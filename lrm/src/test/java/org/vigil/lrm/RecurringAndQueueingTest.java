package org.vigil.lrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recurring monitors report only changes; the concurrency limit and per-resource order hold. */
class RecurringAndQueueingTest {
  private TestAgents agents;
  private Executor executor;

  @BeforeEach
  void setUp() throws Exception {
    agents = new TestAgents();
  }

  @AfterEach
  void tearDown() {
    if (executor != null) {
      executor.close();
    }
    agents.close();
  }

  private static OperationResult next(BlockingQueue<OperationResult> q) throws InterruptedException {
    OperationResult r = q.poll(20, TimeUnit.SECONDS);
    assertThat(r).as("a result within 20 s").isNotNull();
    return r;
  }

  @Test
  void recurringMonitorReportsTheFirstResultThenOnlyChangesThenCancelled() throws Exception {
    executor = new Executor(agents.config("n1"));
    Path state = agents.root.resolve("up");
    Path runs = agents.root.resolve("runs");
    // running while the state file exists; every run leaves a mark
    AgentSpec flip = agents.ocf("Flip", "echo x >> " + runs + "; [ -e " + state + " ] && exit 0; exit 7");
    Files.writeString(state, "");
    BlockingQueue<OperationResult> reported = new LinkedBlockingQueue<>();
    OperationRequest mon = TestAgents.op("f1", flip, "monitor", Duration.ofSeconds(5))
        .withInterval(Duration.ofMillis(100));
    long callId = executor.startRecurring(mon, reported::add);

    OperationResult first = next(reported);
    assertThat(first.rc()).isZero();
    assertThat(first.callId()).isEqualTo(callId);
    assertThat(first.interval()).isEqualTo(Duration.ofMillis(100));
    waitForRuns(runs, 5);
    assertThat(reported).as("unchanged results are not reported").isEmpty();

    Files.delete(state);
    OperationResult failed = next(reported);
    assertThat(failed.rc()).isEqualTo(7);
    assertThat(failed.callId()).isEqualTo(callId);
    Files.writeString(state, "");
    assertThat(next(reported).rc()).isZero();

    assertThat(executor.recurringOperations()).containsExactly(mon);
    assertThat(executor.cancelRecurring("f1", "monitor", Duration.ofMillis(100))).isTrue();
    OperationResult cancelled = next(reported);
    assertThat(cancelled.status()).isEqualTo(ExecStatus.CANCELLED);
    assertThat(executor.recurringOperations()).isEmpty();
    long after = Files.readAllLines(runs).size();
    Thread.sleep(400);
    assertThat(Files.readAllLines(runs).size()).as("no runs after cancel (one may have been under way)")
        .isLessThanOrEqualTo((int) after + 1);
    assertThat(reported).isEmpty();
    assertThat(executor.cancelRecurring("f1", "monitor", Duration.ofMillis(100))).isFalse();
  }

  @Test
  void restartingAMonitorReplacesItAndCloseCancelsWhatIsLeft() throws Exception {
    executor = new Executor(agents.config("n1"));
    AgentSpec up = agents.ocf("Up", "[ \"$1\" = meta-data ] && exit 3; exit 0");
    BlockingQueue<OperationResult> first = new LinkedBlockingQueue<>();
    BlockingQueue<OperationResult> second = new LinkedBlockingQueue<>();
    OperationRequest mon = TestAgents.op("u1", up, "monitor", Duration.ofSeconds(5)).withInterval(Duration.ofSeconds(1));
    long id1 = executor.startRecurring(mon, first::add);
    assertThat(next(first).rc()).isZero();
    long id2 = executor.startRecurring(mon, second::add);
    assertThat(id2).isNotEqualTo(id1);
    assertThat(next(first).status()).as("the replaced monitor's listener is told").isEqualTo(ExecStatus.CANCELLED);
    assertThat(next(second).callId()).isEqualTo(id2);
    assertThat(executor.recurringOperations()).hasSize(1);

    executor.close();
    assertThat(next(second).status()).isEqualTo(ExecStatus.CANCELLED);
    assertThat(first).isEmpty();
  }

  @Test
  void aHangingRecurringMonitorIsReportedTimedOutAndKeepsRunning() throws Exception {
    executor = new Executor(agents.config("n1"));
    Path hang = agents.root.resolve("hang");
    AgentSpec agent = agents.ocf("Sometimes", "[ \"$1\" = meta-data ] && exit 3; [ -e " + hang + " ] && sleep 60; exit 0");
    BlockingQueue<OperationResult> reported = new LinkedBlockingQueue<>();
    executor.startRecurring(TestAgents.op("h1", agent, "monitor", Duration.ofMillis(500))
        .withInterval(Duration.ofMillis(100)), reported::add);
    assertThat(next(reported).rc()).isZero();
    Files.writeString(hang, "");
    OperationResult timedOut = next(reported);
    assertThat(timedOut.status()).isEqualTo(ExecStatus.TIMED_OUT);
    assertThat(timedOut.execTime()).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    Files.delete(hang);
    OperationResult recovered = next(reported);
    assertThat(recovered.status()).isEqualTo(ExecStatus.DONE);
    assertThat(recovered.rc()).isZero();
  }

  private static void waitForRuns(Path runs, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Files.exists(runs) || Files.readAllLines(runs).size() < n) {
      assertThat(System.nanoTime()).as("%d monitor runs within 20 s", n).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void atMostActionLimitAgentsRunAtOnce() throws Exception {
    executor = new Executor(agents.config("n1").withActionLimit(2));
    Path log = agents.root.resolve("log");
    // each run logs its start and end with a nanosecond clock
    AgentSpec slow = agents.ocf("Slow", "[ \"$1\" = meta-data ] && exit 3; echo \"+ $(date +%s%N)\" >> " + log
        + "; sleep 0.3; echo \"- $(date +%s%N)\" >> " + log);
    List<CompletableFuture<OperationResult>> fs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      fs.add(executor.execute(TestAgents.op("r" + i, slow, "start", Duration.ofSeconds(10))));
    }
    List<OperationResult> results = fs.stream().map(CompletableFuture::join).toList();
    assertThat(results).allMatch(r -> r.status() == ExecStatus.DONE && r.rc() == 0);
    assertThat(maxConcurrent(log)).isEqualTo(2);
    // the last ones waited for a slot, and their queue time says so
    assertThat(results.get(5).queueTime()).isGreaterThan(Duration.ofMillis(250));
  }

  @Test
  void operationsOnOneResourceRunOneAtATimeInOrder() throws Exception {
    executor = new Executor(agents.config("n1").withActionLimit(8));
    Path log = agents.root.resolve("log");
    AgentSpec slow = agents.ocf("Slow", "[ \"$1\" = meta-data ] && exit 3; echo \"+ $(date +%s%N) $1\" >> " + log
        + "; sleep 0.2; echo \"- $(date +%s%N) $1\" >> " + log);
    List<CompletableFuture<OperationResult>> fs = new ArrayList<>();
    for (String action : List.of("start", "monitor", "stop")) {
      fs.add(executor.execute(TestAgents.op("same", slow, action, Duration.ofSeconds(10))));
    }
    fs.forEach(CompletableFuture::join);
    assertThat(maxConcurrent(log)).isEqualTo(1);
    List<String> order = Files.readAllLines(log).stream().filter(l -> l.startsWith("+"))
        .map(l -> l.split(" ")[2]).toList();
    assertThat(order).containsExactly("start", "monitor", "stop");
    assertThat(fs.get(2).join().queueTime()).isGreaterThan(Duration.ofMillis(300));
  }

  /** The largest number of runs in progress at once, from "+ T" / "- T" lines. */
  private static int maxConcurrent(Path log) throws Exception {
    List<long[]> events = new ArrayList<>();
    for (String l : Files.readAllLines(log)) {
      String[] f = l.split(" ");
      events.add(new long[] {Long.parseLong(f[1]), f[0].equals("+") ? 1 : -1});
    }
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int now = 0;
    int max = 0;
    for (long[] e : events) {
      now += (int) e[1];
      max = Math.max(max, now);
    }
    return max;
  }

  @Test
  void closeCancelsQueuedOperations() throws Exception {
    executor = new Executor(agents.config("n1").withActionLimit(1));
    AgentSpec slow = agents.ocf("Slow", "sleep 0.5");
    CompletableFuture<OperationResult> running = executor.execute(TestAgents.op("a", slow, "start", Duration.ofSeconds(10)));
    CompletableFuture<OperationResult> queued = executor.execute(TestAgents.op("b", slow, "start", Duration.ofSeconds(10)));
    Thread.sleep(100);
    executor.close();
    assertThat(queued.join().status()).isEqualTo(ExecStatus.CANCELLED);
    assertThat(running.join().status()).isEqualTo(ExecStatus.DONE);
  }
}
