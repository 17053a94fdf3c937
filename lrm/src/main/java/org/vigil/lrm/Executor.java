package org.vigil.lrm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's local executor: runs agents' actions with the OCF environment, at most
 * {@link ExecutorConfig#actionLimit()} at a time and one at a time per resource, and
 * keeps recurring monitors going. See the package documentation for how to use it.
 */
public final class Executor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Executor.class);
  /** Pacemaker's default timeout for an agent's meta-data action. */
  static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
  /** How long a failure to read an agent's meta-data is remembered. */
  public static final Duration METADATA_RETRY = Duration.ofSeconds(60);
  private static final String EXIT_REASON_PREFIX = "ocf-exit-reason:";

  private final ExecutorConfig config;
  private final AgentCatalog catalog;
  private final AgentProcess processes;
  private final ExecutorService workers;
  private final ExecutorService readers;
  private final ScheduledExecutorService timers;
  private final Map<AgentSpec, AgentMetadata> metadataCache = new ConcurrentHashMap<>();
  private final Map<AgentSpec, FailedMetadata> metadataFailures = new ConcurrentHashMap<>();
  private final AtomicLong callIds = new AtomicLong();

  private final Object lock = new Object();
  private final ArrayDeque<Job> pending = new ArrayDeque<>();
  private final Set<String> busyResources = new HashSet<>();
  private final Map<String, Recurring> recurring = new LinkedHashMap<>();
  private int running;
  private boolean closed;

  /**
   * An executor for {@code config}; creates the state directory.
   *
   * @throws IllegalStateException when {@code setsid} or {@code kill} is missing
   * @throws UncheckedIOException when the state directory cannot be created
   */
  public Executor(ExecutorConfig config) {
    this.config = config;
    this.catalog = new AgentCatalog(config.ocfRoot(), config.lsbDir());
    try {
      Files.createDirectories(config.stateDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create agent state directory " + config.stateDir(), e);
    }
    this.workers = Executors.newCachedThreadPool(threads("lrm-" + config.nodeName() + "-op"));
    this.readers = Executors.newCachedThreadPool(threads("lrm-" + config.nodeName() + "-output"));
    this.timers = Executors.newSingleThreadScheduledExecutor(threads("lrm-" + config.nodeName() + "-timer"));
    this.processes = new AgentProcess(AgentProcess.tool("setsid"), AgentProcess.tool("kill"), readers);
  }

  public ExecutorConfig config() {
    return config;
  }

  /** The agents installed here. */
  public AgentCatalog catalog() {
    return catalog;
  }

  /**
   * Runs a one-shot operation. It waits for a free slot and for the resource's earlier
   * operations; the future completes with the result (never exceptionally: an agent that
   * cannot run gives a result that says so).
   *
   * @throws IllegalArgumentException for a request with an interval (use {@link #startRecurring})
   * @throws IllegalStateException after {@link #close()}
   */
  public CompletableFuture<OperationResult> execute(OperationRequest request) {
    if (request.recurring()) {
      throw new IllegalArgumentException(request.key() + " has an interval: start it with startRecurring");
    }
    CompletableFuture<OperationResult> f = new CompletableFuture<>();
    enqueue(request, callIds.incrementAndGet(), f::complete);
    return f;
  }

  /**
   * Starts a recurring operation (normally a monitor): it runs now, then {@code interval}
   * after each run ends. The listener gets the first result and then only changes (a
   * different rc or status), as Pacemaker's executor reports them. A recurring operation
   * with the same resource, action and interval is replaced (its listener gets CANCELLED).
   *
   * @return the call id its results carry
   */
  public long startRecurring(OperationRequest request, OperationListener listener) {
    if (!request.recurring()) {
      throw new IllegalArgumentException(request.key() + " has no interval: run it with execute");
    }
    Recurring r = new Recurring(request, listener, callIds.incrementAndGet());
    Recurring old;
    synchronized (lock) {
      checkOpen();
      old = recurring.put(request.key(), r);
    }
    if (old != null) {
      old.cancel();
    }
    r.runNow();
    return r.callId;
  }

  /**
   * Stops a recurring operation; its listener gets a final CANCELLED result. A run in
   * progress finishes but is not reported.
   *
   * @return whether such an operation was running
   */
  public boolean cancelRecurring(String resourceId, String action, Duration interval) {
    Recurring r;
    synchronized (lock) {
      r = recurring.remove(resourceId + "_" + action + "_" + interval.toMillis());
    }
    if (r == null) {
      return false;
    }
    r.cancel();
    return true;
  }

  /** The recurring operations now active, in the order they were started. */
  public List<OperationRequest> recurringOperations() {
    synchronized (lock) {
      return recurring.values().stream().map(r -> r.request).toList();
    }
  }

  /**
   * The agent's meta-data, read by running its {@code meta-data} action (LSB scripts: made
   * from their LSB header) and kept for next time. A failure is remembered for
   * {@link #METADATA_RETRY} so that a broken agent is not asked again after every operation.
   *
   * @throws MetadataException when the agent is missing, fails, or prints something that
   *     is not resource-agent XML
   */
  public AgentMetadata metadata(AgentSpec agent) throws MetadataException {
    AgentMetadata cached = metadataCache.get(agent);
    if (cached != null) {
      return cached;
    }
    FailedMetadata failed = metadataFailures.get(agent);
    if (failed != null && System.nanoTime() - failed.atNanos < METADATA_RETRY.toNanos()) {
      throw new MetadataException(failed.message);
    }
    try {
      AgentMetadata md = readMetadata(agent);
      metadataCache.put(agent, md);
      metadataFailures.remove(agent);
      return md;
    } catch (MetadataException e) {
      metadataFailures.put(agent, new FailedMetadata(e.getMessage(), System.nanoTime()));
      throw e;
    }
  }

  private record FailedMetadata(String message, long atNanos) {}

  private AgentMetadata readMetadata(AgentSpec agent) throws MetadataException {
    AgentClass cls = catalog.effectiveClass(agent.agentClass());
    if (cls == AgentClass.SYSTEMD) {
      if (!catalog.systemdRunning()) {
        throw new MetadataException(agent + ": systemd is not running on this machine");
      }
      return SystemdUnits.metadata(agent.type());
    }
    Path exe = catalog.executable(agent)
        .orElseThrow(() -> new MetadataException(agent + " is not installed on this machine"));
    if (cls == AgentClass.LSB) {
      try {
        return LsbHeader.metadata(agent.type(), Files.readString(exe, java.nio.charset.StandardCharsets.ISO_8859_1));
      } catch (IOException e) {
        throw new MetadataException("cannot read " + exe + ": " + e.getMessage(), e);
      }
    }
    OperationRequest req = OperationRequest.of(agent.type(), agent, "meta-data", METADATA_TIMEOUT, Map.of());
    OperationResult r = runNow(req, 0, Instant.now(), System.nanoTime());
    if (r.status() != ExecStatus.DONE || r.rc() != 0) {
      throw new MetadataException("meta-data of " + agent + " failed: " + r.describe()
          + (r.stderr().isBlank() ? "" : " (stderr: " + r.stderr().strip().lines().findFirst().orElse("") + ")"));
    }
    return AgentMetadata.parse(r.stdout(), agent.toString());
  }

  /**
   * Stops: recurring operations are cancelled (listeners get CANCELLED), queued one-shot
   * operations complete as CANCELLED, and running agents are waited for (each is bounded
   * by its own timeout). Not to be called from a listener or a result callback, which run on
   * the threads it waits for.
   */
  @Override
  public void close() {
    List<Recurring> recs;
    List<Job> dropped;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      recs = new ArrayList<>(recurring.values());
      recurring.clear();
      dropped = new ArrayList<>(pending);
      pending.clear();
    }
    recs.forEach(Recurring::cancel);
    for (Job j : dropped) {
      j.done.accept(notRun(j.request, j.callId, j.enqueued, ExecStatus.CANCELLED, 1, "executor shut down"));
    }
    timers.shutdownNow();
    workers.shutdown();
    try {
      while (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.info("node {}: waiting for {} running operation(s) to finish", config.nodeName(), runningCount());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    readers.shutdown();
  }

  private int runningCount() {
    synchronized (lock) {
      return running;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("executor of node " + config.nodeName() + " is shut down");
    }
  }

  // ---- queueing: at most actionLimit running, one per resource, first come first served

  private record Job(OperationRequest request, long callId, Instant enqueued, long enqueuedNanos,
      Consumer<OperationResult> done) {}

  private void enqueue(OperationRequest request, long callId, Consumer<OperationResult> done) {
    synchronized (lock) {
      checkOpen();
      pending.add(new Job(request, callId, Instant.now(), System.nanoTime(), done));
      dispatch();
    }
  }

  /** Starts every pending job that may start; called with the lock held. */
  private void dispatch() {
    for (Iterator<Job> it = pending.iterator(); it.hasNext() && running < config.actionLimit(); ) {
      Job j = it.next();
      if (busyResources.contains(j.request.resourceId())) {
        continue;
      }
      it.remove();
      busyResources.add(j.request.resourceId());
      running++;
      workers.execute(() -> runJob(j));
    }
  }

  private void runJob(Job j) {
    OperationResult result;
    try {
      result = runNow(j.request, j.callId, j.enqueued, j.enqueuedNanos);
    } catch (RuntimeException e) {
      LOG.error("node {}: {} {} failed to run", config.nodeName(), j.request.resourceId(), j.request.action(), e);
      result = notRun(j.request, j.callId, j.enqueued, ExecStatus.ERROR, 1, "executor error: " + e);
    } finally {
      synchronized (lock) {
        running--;
        busyResources.remove(j.request.resourceId());
        if (!closed) {
          dispatch();
        }
      }
    }
    result = withDigests(result);
    try {
      j.done.accept(result);
    } catch (RuntimeException e) {
      LOG.error("node {}: result handler for {} failed", config.nodeName(), j.request.key(), e);
    }
  }

  /** Adds the restart digest once the agent answered as a working agent does. */
  private OperationResult withDigests(OperationResult r) {
    int rc = r.rc();
    if (r.status() != ExecStatus.DONE || !(rc == 0 || rc == 7 || rc == 8) || r.operation().equals("meta-data")) {
      return r;
    }
    AgentMetadata md;
    try {
      md = metadata(r.request().agent());
    } catch (MetadataException e) {
      LOG.debug("node {}: no restart digest for {}: {}", config.nodeName(), r.request().key(), e.getMessage());
      return r;
    }
    return new OperationResult(r.request(), r.node(), r.callId(), r.status(), r.rc(), r.exitCode(), r.exitReason(),
        r.started(), r.finished(), r.execTime(), r.queueTime(), r.stdout(), r.stderr(), r.outputTruncated(),
        OpDigests.of(r.request(), md));
  }

  // ---- running one agent

  private OperationResult runNow(OperationRequest req, long callId, Instant enqueued, long enqueuedNanos) {
    Duration queued = Duration.ofNanos(System.nanoTime() - enqueuedNanos);
    Instant started = Instant.now();
    AgentSpec agent = req.agent();
    AgentClass cls = catalog.effectiveClass(agent.agentClass());
    List<String> command;
    String agentAction;
    if (cls == AgentClass.SYSTEMD) {
      if (!catalog.systemdRunning()) {
        return notRun(req, callId, enqueued, ExecStatus.NOT_SUPPORTED, OcfCode.ERR_UNIMPLEMENTED.code(),
            "systemd is not running on this machine: cannot run " + agent);
      }
      agentAction = req.action();
      command = SystemdUnits.command(agent.type(), req.action());
      if (command == null) {
        return notRun(req, callId, enqueued, ExecStatus.NOT_SUPPORTED, OcfCode.ERR_UNIMPLEMENTED.code(),
            agent + " has no " + req.action() + " action");
      }
    } else {
      var exe = catalog.executable(agent);
      if (exe.isEmpty()) {
        return notRun(req, callId, enqueued, ExecStatus.NOT_INSTALLED, OcfCode.ERR_INSTALLED.code(),
            agent + " is not installed on node " + config.nodeName());
      }
      if (!Files.isExecutable(exe.get())) {
        return notRun(req, callId, enqueued, ExecStatus.ERROR, OcfCode.ERR_PERM.code(),
            exe.get() + " is not executable");
      }
      agentAction = cls == AgentClass.LSB ? lsbAction(req.action()) : req.action();
      if (agentAction == null) {
        return notRun(req, callId, enqueued, ExecStatus.NOT_SUPPORTED, OcfCode.ERR_UNIMPLEMENTED.code(),
            "LSB script " + agent.type() + " has no " + req.action() + " action");
      }
      command = List.of(exe.get().toString(), agentAction);
    }
    AgentProcess.Outcome o;
    try {
      o = processes.run(command, environment(req, cls), req.timeout(), config.outputCap(), config.killGrace());
    } catch (IOException e) {
      return notRun(req, callId, enqueued, ExecStatus.ERROR, OcfCode.ERR_GENERIC.code(),
          "cannot run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return notRun(req, callId, enqueued, ExecStatus.CANCELLED, OcfCode.ERR_GENERIC.code(), "interrupted");
    }
    Instant finished = Instant.now();
    ExecStatus status;
    int rc;
    String reason = lastExitReason(o.stderr());
    if (o.timedOut()) {
      status = ExecStatus.TIMED_OUT;
      rc = OcfCode.ERR_GENERIC.code();
      reason = "timed out after " + o.ran().toMillis() + "ms (timeout " + req.timeout().toMillis()
          + "ms); process group " + o.pgid() + " killed";
      LOG.warn("node {}: {} {} {}", config.nodeName(), req.resourceId(), req.action(), reason);
    } else if (killedBySignal(o.exitCode())) {
      status = ExecStatus.ERROR;
      rc = OcfCode.ERR_GENERIC.code();
      reason = "agent killed by signal " + (o.exitCode() - 128) + signalName(o.exitCode() - 128);
    } else {
      status = ExecStatus.DONE;
      rc = cls == AgentClass.LSB ? LsbCodes.toOcf(agentAction, o.exitCode()).code()
          : cls == AgentClass.SYSTEMD ? SystemdUnits.toOcf(req.action(), o.exitCode()).code()
          : OcfCode.of(o.exitCode()).code();
      if (cls == AgentClass.OCF && !OcfCode.isOcf(o.exitCode()) && reason.isEmpty()) {
        reason = "agent exited with " + o.exitCode() + ", which is not an OCF exit code";
      }
    }
    return new OperationResult(req, config.nodeName(), callId, status, rc, o.timedOut() ? -1 : o.exitCode(), reason,
        started, finished, o.ran(), queued, o.stdout(), o.stderr(), o.truncated(),
        OpDigests.of(req, null));
  }

  /**
   * Java reports death by signal N as exit value 128+N; codes in that range that are OCF
   * codes (190 and 191) are taken as the agent's answer.
   */
  private static boolean killedBySignal(int exitCode) {
    return exitCode > 128 && exitCode <= 128 + 64 && !OcfCode.isOcf(exitCode);
  }

  private static String signalName(int signal) {
    String[] names = {"", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
        "PIPE", "ALRM", "TERM"};
    return signal < names.length ? " (SIG" + names[signal] + ")" : "";
  }

  private OperationResult notRun(OperationRequest req, long callId, Instant enqueued, ExecStatus status, int rc,
      String reason) {
    Instant now = Instant.now();
    if (status != ExecStatus.CANCELLED) {
      LOG.warn("node {}: {} {}: {}", config.nodeName(), req.resourceId(), req.action(), reason);
    }
    return new OperationResult(req, config.nodeName(), callId, status, rc, -1, reason, enqueued, now, Duration.ZERO,
        Duration.between(enqueued, now), "", "", false, OpDigests.of(req, null));
  }

  /** The LSB action for an operation: monitor is status; promote and the like do not exist. */
  private static String lsbAction(String action) {
    return switch (action) {
      case "monitor", "status" -> "status";
      case "start", "stop", "restart", "reload", "force-reload" -> action;
      default -> null;
    };
  }

  private static String lastExitReason(String stderr) {
    String reason = "";
    for (String line : stderr.split("\n")) {
      if (line.startsWith(EXIT_REASON_PREFIX)) {
        reason = line.substring(EXIT_REASON_PREFIX.length()).strip();
      }
    }
    return reason;
  }

  /**
   * The environment an agent runs with: this process's minus its OCF and HA settings; the
   * HA settings of this node (state directories, logging to stderr), which the configured
   * extra environment may override; then the OCF variables of the operation.
   */
  Map<String, String> environment(OperationRequest req, AgentClass cls) {
    Map<String, String> env = new HashMap<>();
    System.getenv().forEach((k, v) -> {
      if (!k.startsWith("OCF_") && !k.startsWith("HA_")) {
        env.put(k, v);
      }
    });
    env.merge("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", (mine, std) -> mine + ":" + std);
    String state = config.stateDir().toString();
    env.put("HA_RSCTMP", state);
    env.put("HA_VARRUN", state);
    env.put("HA_LOGFACILITY", "none");
    env.put("HA_logfacility", "none");
    env.put("HA_debug", "0");
    env.putAll(config.extraEnvironment());
    if (cls != AgentClass.OCF) {
      return env;
    }
    env.put("OCF_ROOT", config.ocfRoot().toString());
    env.put("OCF_RA_VERSION_MAJOR", "1");
    env.put("OCF_RA_VERSION_MINOR", "1");
    env.put("OCF_RESOURCE_INSTANCE", req.resourceId());
    env.put("OCF_RESOURCE_TYPE", req.agent().type());
    env.put("OCF_RESOURCE_PROVIDER", req.agent().provider());
    env.put("OCF_EXIT_REASON_PREFIX", EXIT_REASON_PREFIX);
    req.params().forEach((k, v) -> env.put("OCF_RESKEY_" + k, v));
    req.meta().forEach((k, v) -> env.put("OCF_RESKEY_CRM_meta_" + k.replace('-', '_'), v));
    env.put("OCF_RESKEY_CRM_meta_timeout", Long.toString(req.timeout().toMillis()));
    env.put("OCF_RESKEY_CRM_meta_interval", Long.toString(req.interval().toMillis()));
    env.put("OCF_RESKEY_CRM_meta_on_node", config.nodeName());
    return env;
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  // ---- recurring operations

  private final class Recurring {
    final OperationRequest request;
    final OperationListener listener;
    final long callId;
    private ScheduledFuture<?> next;
    private boolean cancelled;
    private OperationResult lastReported;

    Recurring(OperationRequest request, OperationListener listener, long callId) {
      this.request = request;
      this.listener = listener;
      this.callId = callId;
    }

    void runNow() {
      synchronized (this) {
        if (cancelled) {
          return;
        }
      }
      try {
        enqueue(request, callId, this::completed);
      } catch (IllegalStateException shutDown) {
        LOG.debug("node {}: {} not rescheduled: executor shut down", config.nodeName(), request.key());
      }
    }

    void completed(OperationResult r) {
      OperationResult report = null;
      synchronized (this) {
        if (cancelled) {
          return;
        }
        if (lastReported == null || lastReported.rc() != r.rc() || lastReported.status() != r.status()) {
          lastReported = r;
          report = r;
        }
        try {
          next = timers.schedule(this::runNow, request.interval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
          LOG.debug("node {}: {} not rescheduled: executor shut down", config.nodeName(), request.key());
        }
        if (report != null) {
          listener.onResult(report);
        }
      }
    }

    void cancel() {
      synchronized (this) {
        if (cancelled) {
          return;
        }
        cancelled = true;
        if (next != null) {
          next.cancel(false);
        }
        synchronized (lock) {
          pending.removeIf(j -> j.callId == callId);
        }
        Instant now = Instant.now();
        listener.onResult(new OperationResult(request, config.nodeName(), callId, ExecStatus.CANCELLED,
            lastReported == null ? OcfCode.ERR_GENERIC.code() : lastReported.rc(), -1, "", now, now, Duration.ZERO,
            Duration.ZERO, "", "", false, OpDigests.of(request, null)));
      }
    }
  }
}
