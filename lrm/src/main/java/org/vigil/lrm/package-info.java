/**
 * The local executor: finds and runs OCF, LSB (and, where systemd runs, systemd) agents with
 * the OCF environment, timeouts that kill the agent's whole process group, capped output,
 * a per-node concurrency limit, one operation at a time per resource, and recurring
 * monitors. It returns results; it never writes the CIB (the controller turns
 * {@link org.vigil.lrm.OperationResult}s into {@code lrm_rsc_op} entries). Depends on
 * nothing of Vigil's.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * Executor ex = new Executor(ExecutorConfig.defaults("node1", dataDir.resolve("agents")));
 * AgentSpec dummy = AgentSpec.parse("ocf:pacemaker:Dummy");
 *
 * // one operation: the future completes with the result, never exceptionally
 * OperationResult r = ex.execute(OperationRequest.of("d1", dummy, "start", Duration.ofSeconds(20),
 *     Map.of("state", "/tmp/d1.state"))).join();
 * r.status();   // DONE, TIMED_OUT, NOT_INSTALLED, ERROR, NOT_SUPPORTED, CANCELLED
 * r.rc();       // the OCF code (LSB codes mapped); r.ocfCode().severity() says how bad
 *
 * // a recurring monitor: the listener gets the first result, then only changes
 * long callId = ex.startRecurring(OperationRequest.of("d1", dummy, "monitor", Duration.ofSeconds(20),
 *     params).withInterval(Duration.ofSeconds(10)), result -> events.add(result));
 * ex.cancelRecurring("d1", "monitor", Duration.ofSeconds(10));  // listener gets CANCELLED
 *
 * ex.metadata(dummy);   // parsed meta-data, cached
 * ex.catalog();         // classes, providers, agents installed here
 * ex.close();           // cancels recurring ops, waits for running agents
 * }</pre>
 *
 * <p>Results are delivered on the executor's threads: a listener or a future's callback
 * should hand them to the caller's own event loop. Operations on one resource run in the
 * order they were submitted.
 *
 * <h2>Must not</h2>
 *
 * Block on an agent (every run has a timeout, output is read on separate threads and
 * capped), let an agent's children outlive its timeout, share agent state between nodes
 * on one machine (each node has its own {@code HA_RSCTMP}), or process DTDs or entities in
 * meta-data.
 */
package org.vigil.lrm;
