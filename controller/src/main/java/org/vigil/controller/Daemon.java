package org.vigil.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cib.edit.CibEdits;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.CibVersion;
import org.vigil.cib.store.CibStore;
import org.vigil.cib.store.CibStoreException;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlCodec;
import org.vigil.cib.xml.XmlElement;
import org.vigil.controller.dispatch.LocalExecution;
import org.vigil.controller.dispatch.TransitionCodec;
import org.vigil.controller.dispatch.TransitionService;
import org.vigil.controller.fencing.Fencer;
import org.vigil.controller.replica.CibReplica;
import org.vigil.controller.replica.ClusterCodec;
import org.vigil.controller.replica.ClusterMessage;
import org.vigil.controller.replica.Effect;
import org.vigil.controller.transition.StatusChange;
import org.vigil.lrm.Executor;
import org.vigil.membership.Membership;
import org.vigil.membership.MembershipConfig;
import org.vigil.membership.MembershipEvent;
import org.vigil.membership.MembershipException;
import org.vigil.membership.MembershipListener;
import org.vigil.membership.MembershipView;
import org.vigil.membership.Node;
import org.vigil.membership.NodeConfig;
import org.vigil.pe.PacemakerScheduler;
import org.vigil.protocol.ClusterStatus;
import org.vigil.protocol.ErrorCode;
import org.vigil.protocol.Reply;
import org.vigil.protocol.Request;
import org.vigil.protocol.Scope;

/**
 * One running vigild: membership, the {@link CibReplica} and the local socket, wired by one event
 * loop. Membership callbacks, socket requests and a one-second tick only enqueue; the loop thread
 * alone touches the replica. Each turn of the loop takes every queued input, feeds it to the
 * replica, ends the batch ({@link CibReplica#flush()}) and sends the DC's commits at once; the store
 * thread writes the newest CIB and only then sends acknowledgements and answers (group commit: one
 * disk write for many client writes, the DC's and the members' writes at the same time, and the
 * loop never waits for the disk).
 */
public final class Daemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
  /** How long a client waits for its write to be committed before it is told to check. */
  static final long WRITE_TIMEOUT_SECONDS = 30;
  private static final int BACKUPS = 5;
  /** How long a leaving node waits for the DC to move its resources away (Pacemaker: shutdown-escalation). */
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);
  /** Period of the replica's housekeeping (re-asking for CIBs, digest checks). */
  private static final long TICK_MILLIS = 1000;

  /** Starts the membership; tests pass one that starts a node of a SimulatedCluster. */
  @FunctionalInterface
  public interface MembershipStarter {
    Membership start(MembershipConfig config, MembershipListener listener) throws MembershipException;
  }

  private sealed interface Input {}

  private record MembershipInput(MembershipEvent event) implements Input {}

  private record MessageInput(Node from, byte[] payload) implements Input {}

  private record ClientInput(long clientId, Request request, String user, CompletableFuture<Reply> reply)
      implements Input {}

  private record StopInput() implements Input {}

  private record TickInput() implements Input {}

  /** Work handed to the loop by the transition machinery (executor results, timers). */
  private record TaskInput(Runnable task) implements Input {}

  /** A CIB to store (if any) and the effects that may only happen once it is stored. */
  private record Durable(Optional<Effect.Persist> persist, List<Effect> after) {}

  private static final Durable STOP_STORE = new Durable(Optional.empty(), List.of());

  private final VigildConfig config;
  private final CibStore store;
  private final CibReplica replica;
  private final BlockingQueue<Input> inputs = new LinkedBlockingQueue<>();
  private final Map<Long, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();
  private final AtomicLong clientIds = new AtomicLong();
  private final AtomicLong malformedMessages = new AtomicLong();
  private final Thread loop;
  private final BlockingQueue<Durable> toStore = new LinkedBlockingQueue<>();
  private final Thread storeThread;
  /** The version of the CIB on disk (written by the store thread). */
  private volatile CibVersion storedVersion;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "vigild-tick");
    t.setDaemon(true);
    return t;
  });
  private volatile Membership membership;
  private SocketServer socket;
  private final Executor executor;
  private final TransitionService transitions;
  /** What the transition machinery asked of the replica during this turn of the loop. */
  private final List<Effect> transitionEffects = new ArrayList<>();

  private Daemon(VigildConfig config, CibStore store, Cib stored, Path agentTools) {
    this.config = config;
    this.store = store;
    Map<String, Integer> ids = new LinkedHashMap<>();
    for (NodeConfig n : config.membership().nodes()) {
      ids.put(n.name(), n.id());
    }
    this.replica = new CibReplica(config.nodeName(), ids, stored);
    this.executor = new Executor(LocalExecution.executorConfig(config.nodeName(), config.dataDir())
        .withExtraEnvironment(Map.of("HA_SBIN_DIR", agentTools.toString())));
    this.transitions = new TransitionService(config.nodeName(), new PacemakerScheduler(), transitionOutbox(),
        task -> inputs.add(new TaskInput(task)), executor,
        new Fencer(Fencer.agentDirs(System.getProperty("vigil.fence.agent.dirs",
            System.getenv("VIGIL_FENCE_AGENT_DIRS")))));
    this.loop = new Thread(this::runLoop, "vigild-loop");
    this.storeThread = new Thread(this::runStore, "vigild-store");
    this.storedVersion = stored.version();
  }

  /** Loads the stored CIB, joins the cluster and opens the local socket. */
  public static Daemon start(VigildConfig config, MembershipStarter starter) throws IOException, StartException {
    Files.createDirectories(config.dataDir());
    CibStore store = new CibStore(config.cibFile(), BACKUPS);
    Cib stored = Cib.empty();
    if (store.exists()) {
      try {
        stored = CibXml.parse(store.load(), config.cibFile().toString());
      } catch (CibStoreException e) {
        throw new StartException(e.getMessage());
      } catch (Exception e) {
        throw new StartException("stored CIB " + config.cibFile() + " cannot be read: " + e.getMessage());
      }
    }
    // agents set node attributes (promotion scores) with $HA_SBIN_DIR/crm_attribute
    Path agentTools = CrmAttribute.writeLauncher(config.dataDir().resolve("sbin"), config.socket());
    Daemon d = new Daemon(config, store, stored, agentTools);
    LOG.info("node {}: stored CIB {} ({})", config.nodeName(), stored.version(),
        store.exists() ? config.cibFile() : "none yet, starting empty");
    try {
      // Events queue up until the loop starts, so the loop never runs without a membership to send on.
      d.membership = starter.start(config.membership(), d.listener());
      d.storeThread.start();
      d.loop.start();
      d.ticker.scheduleAtFixedRate(() -> d.inputs.add(new TickInput()), TICK_MILLIS, TICK_MILLIS,
          TimeUnit.MILLISECONDS);
      d.socket = SocketServer.start(config.socket(), d::call);
    } catch (MembershipException e) {
      throw new StartException(e.getMessage());
    } catch (IOException e) {
      d.close();
      throw e;
    }
    LOG.info("node {}: listening on {}", config.nodeName(), config.socket());
    return d;
  }

  /** vigild cannot start with this configuration or state. */
  public static final class StartException extends Exception {
    private static final long serialVersionUID = 1L;

    public StartException(String message) {
      super(message);
    }
  }

  private MembershipListener listener() {
    return new MembershipListener() {
      @Override
      public void onEvent(MembershipEvent event) {
        inputs.add(new MembershipInput(event));
      }

      @Override
      public void onMessage(Node from, byte[] payload) {
        inputs.add(new MessageInput(from, payload));
      }
    };
  }

  /**
   * Answers one client request (called on a socket thread; blocks until the loop has answered).
   *
   * @param user the local user who sent it, or empty
   */
  Reply call(Request request, String user) {
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    inputs.add(new ClientInput(clientIds.incrementAndGet(), request, user, reply));
    try {
      return reply.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return new Reply.Failure(ErrorCode.UNAVAILABLE, "no answer from the cluster within " + WRITE_TIMEOUT_SECONDS
          + " s; the change may still be committed: check the CIB");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply.Failure(ErrorCode.UNAVAILABLE, "vigild is shutting down");
    } catch (ExecutionException e) {
      return new Reply.Failure(ErrorCode.INTERNAL, String.valueOf(e.getCause()));
    }
  }

  // ---- the loop --------------------------------------------------------------------------

  private void runLoop() {
    List<Input> batch = new ArrayList<>();
    while (true) {
      batch.clear();
      try {
        batch.add(inputs.take());
      } catch (InterruptedException e) {
        return;
      }
      inputs.drainTo(batch, 4096);
      List<Effect> effects = new ArrayList<>();
      for (Input in : batch) {
        if (in instanceof StopInput) {
          failWaiting();
          return;
        }
        try {
          effects.addAll(handle(in));
        } catch (RuntimeException e) {
          LOG.error("node {}: failed to handle {}: {}", config.nodeName(), in.getClass().getSimpleName(), e, e);
        }
      }
      effects.addAll(transitionEffects);
      transitionEffects.clear();
      runTransitions();
      effects.addAll(transitionEffects);
      transitionEffects.clear();
      effects.addAll(replica.flush());
      carryOut(effects);
    }
  }

  // ---- transitions -----------------------------------------------------------------------

  /**
   * After each turn: the DC (once its CIB is settled) runs transitions on the CIB as it now
   * stands; a node that stopped being DC stops running them.
   */
  private void runTransitions() {
    if (replica.isDc()) {
      if (replica.syncing()) {
        return; // the CIB to go on from is not settled yet
      }
      if (!transitions.isDc()) {
        transitions.becameDc(replica.cib());
      } else {
        transitions.cibCommitted(replica.cib());
      }
    } else if (transitions.isDc() && replica.view().flatMap(MembershipView::dc).isPresent()) {
      transitions.lostDc(); // another node is DC (while none is known, the transition goes on)
    }
  }

  private TransitionService.Outbox transitionOutbox() {
    return new TransitionService.Outbox() {
      @Override
      public boolean sendRun(String node, byte[] runRequest) {
        try {
          membership.send(node, runRequest);
          return true;
        } catch (MembershipException e) {
          LOG.warn("node {}: cannot send an action to node {}: {}", config.nodeName(), node, e.getMessage());
          return false;
        }
      }

      @Override
      public boolean sendReport(byte[] report) {
        Optional<Node> dc = membership.view().dc();
        if (dc.isEmpty()) {
          return false;
        }
        if (dc.get().name().equals(config.nodeName())) {
          if (!transitions.isDc()) {
            return false;
          }
          inputs.add(new TaskInput(() -> onTransitionMessage(config.nodeName(), report)));
          return true;
        }
        try {
          membership.send(dc.get().name(), report);
          return true;
        } catch (MembershipException e) {
          return false;
        }
      }

      @Override
      public void writeStatus(List<StatusChange> changes) {
        transitionEffects.addAll(replica.writeStatus(changes));
      }
    };
  }

  private void onTransitionMessage(String from, byte[] payload) {
    try {
      transitions.onMessage(payload);
    } catch (TransitionCodec.MalformedException e) {
      malformedMessages.incrementAndGet();
      LOG.warn("node {}: dropping a malformed transition message from node {}: {}", config.nodeName(), from,
          e.getMessage());
    }
  }

  private List<Effect> handle(Input in) {
    if (in instanceof TickInput) {
      return replica.onTick();
    } else if (in instanceof TaskInput t) {
      t.task().run();
      return List.of();
    } else if (in instanceof MembershipInput m) {
      logMembership(m.event());
      List<Effect> out = replica.onMembership(m.event());
      if (m.event() instanceof MembershipEvent.NodeLost l) {
        transitions.nodeLost(l.node().name());
      } else if (m.event() instanceof MembershipEvent.NodeJoined j) {
        transitions.nodeJoined(j.node().name());
      } else if (m.event() instanceof MembershipEvent.DcChanged) {
        transitions.dcKnown();
      }
      return out;
    } else if (in instanceof MessageInput m) {
      if (TransitionCodec.isTransitionMessage(m.payload())) {
        onTransitionMessage(m.from().name(), m.payload());
        return List.of();
      }
      ClusterMessage message;
      try {
        message = ClusterCodec.decode(m.payload());
      } catch (ClusterCodec.MalformedMessageException e) {
        malformedMessages.incrementAndGet();
        LOG.warn("node {}: dropping a malformed cluster message from node {} ({} bytes): {}", config.nodeName(),
            m.from().name(), m.payload().length, e.getMessage());
        return List.of();
      }
      return replica.onMessage(m.from().name(), message);
    } else if (in instanceof ClientInput c) {
      Request r = c.request();
      if (r instanceof Request.Query q) {
        c.reply().complete(query(q.scope()));
        return List.of();
      }
      if (r instanceof Request.Status) {
        c.reply().complete(new Reply.Status(status()));
        return List.of();
      }
      waiting.put(c.clientId(), c.reply());
      return replica.onClientWrite(c.clientId(), r, c.user(), Instant.now().getEpochSecond());
    }
    throw new AssertionError(in);
  }

  /**
   * Carries out at once what needs no disk write or only a CIB already stored; hands the batch's last
   * CIB and everything that must wait for it (acknowledgements, answers) to the store thread, so the
   * loop never waits for the disk.
   */
  private void carryOut(List<Effect> effects) {
    Effect.Persist last = null;
    List<Effect> afterStore = new ArrayList<>();
    for (Effect e : effects) {
      if (e instanceof Effect.Persist p) {
        last = p;
      } else if (e.storedVersionNeeded().map(v -> v.compareTo(storedVersion) > 0).orElse(false)) {
        afterStore.add(e);
      } else {
        carryOut(e);
      }
    }
    if (last != null || !afterStore.isEmpty()) {
      toStore.add(new Durable(Optional.ofNullable(last), afterStore));
    }
  }

  /**
   * The store thread: takes every waiting batch, writes only the newest CIB among them (group commit
   * across loop turns), then carries out their acknowledgements and answers in order.
   */
  private void runStore() {
    List<Durable> run = new ArrayList<>();
    while (true) {
      run.clear();
      try {
        run.add(toStore.take());
      } catch (InterruptedException e) {
        return;
      }
      toStore.drainTo(run);
      Effect.Persist newest = null;
      boolean stop = false;
      for (Durable d : run) {
        if (d.persist().isPresent()) {
          newest = d.persist().get();
        }
        stop |= d == STOP_STORE;
      }
      if (newest != null) {
        try {
          store.save(newest.xml());
          storedVersion = newest.cib().version();
        } catch (IOException e) {
          // Acknowledging a CIB that is not on disk would let a commit be confirmed that a restart loses.
          LOG.error("node {}: cannot store CIB {} in {}: {}; stopping", config.nodeName(), newest.cib().version(),
              config.cibFile(), e.getMessage());
          Runtime.getRuntime().halt(1);
        }
      }
      run.forEach(d -> d.after().forEach(this::carryOut));
      if (stop) {
        return;
      }
    }
  }

  private void carryOut(Effect e) {
    if (e instanceof Effect.Send s) {
      try {
        membership.send(s.to(), ClusterCodec.encode(s.message()));
      } catch (MembershipException ex) {
        LOG.warn("node {}: cannot send {} to node {}: {}", config.nodeName(), s.message().getClass().getSimpleName(),
            s.to(), ex.getMessage());
      }
    } else if (e instanceof Effect.Broadcast b) {
      try {
        membership.broadcast(ClusterCodec.encode(b.message()));
      } catch (MembershipException ex) {
        LOG.warn("node {}: cannot broadcast {}: {}", config.nodeName(), b.message().getClass().getSimpleName(),
            ex.getMessage());
      }
    } else if (e instanceof Effect.Respond r) {
      CompletableFuture<Reply> f = waiting.remove(r.clientId());
      if (f != null) {
        f.complete(r.reply());
      }
    } else if (e instanceof Effect.Notice n) {
      if (n.level() == Effect.Notice.Level.WARN) {
        LOG.warn("node {}: {}", config.nodeName(), n.text());
      } else {
        LOG.info("node {}: {}", config.nodeName(), n.text());
      }
    }
  }

  private void logMembership(MembershipEvent e) {
    if (e instanceof MembershipEvent.NodeJoined j) {
      LOG.info("node {}: node {} joined (membership {})", config.nodeName(), j.node().name(), e.view().ringId());
    } else if (e instanceof MembershipEvent.NodeLost l) {
      LOG.warn("node {}: node {} lost ({}; membership {})", config.nodeName(), l.node().name(),
          l.reason() == MembershipEvent.NodeLost.Reason.LEFT ? "left cleanly" : "failed", e.view().ringId());
    } else if (e instanceof MembershipEvent.PartitionMerged m) {
      LOG.warn("node {}: partitions merged: {}", config.nodeName(), m.partitions());
    } else if (e instanceof MembershipEvent.QuorumChanged q) {
      if (q.quorate()) {
        LOG.info("node {}: quorum acquired", config.nodeName());
      } else {
        LOG.warn("node {}: quorum lost", config.nodeName());
      }
    } else if (e instanceof MembershipEvent.DcChanged d) {
      LOG.info("node {}: DC is now node {}", config.nodeName(), d.dc().name());
    }
  }

  // ---- reads -----------------------------------------------------------------------------

  private Reply query(Scope scope) {
    Cib cib = replica.published();
    String xml = switch (scope) {
      case CIB -> replica.xml();
      case CONFIGURATION -> XmlCodec.write(CibXml.toElement(cib).child("configuration").orElseThrow());
      case STATUS -> XmlCodec.write(CibXml.toElement(cib)
          .child("status").orElse(XmlElement.of("status")));
    };
    return new Reply.CibXml(cib.version(), xml);
  }

  private ClusterStatus status() {
    MembershipView view = membership.view();
    List<ClusterStatus.NodeStatus> nodes = new ArrayList<>();
    for (NodeConfig n : config.membership().nodes()) {
      nodes.add(new ClusterStatus.NodeStatus(n.name(), n.id(), n.votes(), view.contains(n.name())));
    }
    return new ClusterStatus(config.membership().clusterName(), config.nodeName(), view.dc().map(Node::name),
        view.quorate(), view.ringId(), nodes, replica.published().version(), replica.digest(),
        membership.quorumReport());
  }

  /** Malformed cluster messages dropped so far (besides those membership itself refused). */
  public long malformedMessages() {
    return malformedMessages.get();
  }

  public Optional<Membership> membership() {
    return Optional.ofNullable(membership);
  }

  // ---- stopping --------------------------------------------------------------------------

  private void failWaiting() {
    waiting.values().forEach(f -> f.complete(new Reply.Failure(ErrorCode.UNAVAILABLE, "vigild is shutting down")));
    waiting.clear();
  }

  private void stopLoop() {
    if (!loop.isAlive()) {
      return;
    }
    inputs.add(new StopInput());
    try {
      loop.join(5000);
      toStore.add(STOP_STORE);
      storeThread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The shutdown handshake, as Pacemaker's: this node sets its {@code shutdown} transient attribute
   * through the DC, the scheduler then stops what runs here (and starts it elsewhere, in the
   * configured order) and confirms {@code do_shutdown}; the node waits until nothing it started
   * still runs. Skipped when there is nobody to hand over to (no DC, no quorum, alone); whatever
   * still runs after {@link #SHUTDOWN_WAIT} is stopped here by {@link #close}.
   */
  private void handOverBeforeLeaving() {
    MembershipView view = membership == null ? null : membership.view();
    if (view == null || view.dc().isEmpty() || !view.quorate() || view.members().size() < 2
        || transitions.localResources().isEmpty()) {
      return;
    }
    String name = config.nodeName();
    List<String> running = transitions.localResources();
    String since = Long.toString(Instant.now().getEpochSecond());
    boolean requested = false;
    for (int attempt = 1; attempt <= 10 && !requested; attempt++) {
      Cib cib = replica.published();
      Cib next = CibEdits.setTransientAttribute(cib, name, "shutdown", since);
      Reply r = call(new Request.Replace(Scope.CIB, CibXml.write(next), Optional.of(cib.version())), "");
      requested = r instanceof Reply.Committed;
      if (!requested) {
        LOG.debug("node {}: shutdown request not committed yet: {}", name, r);
        try {
          Thread.sleep(50L * attempt); // this node's copy was behind the DC's: read again
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    if (!requested) {
      LOG.warn("node {}: the DC did not take the shutdown request; stopping resources here", name);
      return;
    }
    LOG.info("node {}: asked the DC to move {} away before leaving", name, running);
    long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
    while (!transitions.localResources().isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    List<String> left = transitions.localResources();
    if (left.isEmpty()) {
      LOG.info("node {}: the DC stopped everything here; leaving", name);
    } else {
      LOG.warn("node {}: {} still run(s) here after {} s; stopping them here", name, left, SHUTDOWN_WAIT.toSeconds());
    }
  }

  /** Closes the socket, leaves the cluster cleanly (the others record this node as down) and stops. */
  @Override
  public void close() {
    handOverBeforeLeaving();
    ticker.shutdownNow();
    if (socket != null) {
      socket.close();
    }
    // a clean leave: what still runs here stops first, so the others never start it while it still runs here
    List<String> notStopped = transitions.stopLocalResources();
    if (!notStopped.isEmpty()) {
      LOG.error("node {}: could not stop {} before leaving", config.nodeName(), notStopped);
    }
    if (membership != null) {
      membership.close();
    }
    stopLoop();
    transitions.close();
    executor.close();
    LOG.info("node {}: stopped", config.nodeName());
  }
}
