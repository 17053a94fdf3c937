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
 * <h2>Into the CIB</h2>
 *
 * An {@code lrm_rsc_op} is made from a result as: {@code operation} = {@code operation()},
 * {@code interval} = {@code interval().toMillis()}, {@code call-id} = {@code callId()},
 * {@code rc-code} = {@code rc()}, {@code op-status} = {@code status().opStatus()},
 * {@code exit-reason} = {@code exitReason()}, {@code last-rc-change} = {@code finished()}
 * (epoch seconds), {@code exec-time} and {@code queue-time} in milliseconds,
 * {@code op-digest} = {@code digests().opDigest()}, {@code op-restart-digest} and
 * {@code op-force-restart} (names separated by spaces, as Pacemaker writes them) from
 * {@code digests()} when the agent can reload. The operation key is
 * {@link org.vigil.lrm.OperationRequest#key()}.
 *
 * <h2>Agents that set node attributes</h2>
 *
 * Agents such as ocf:pacemaker:Stateful run {@code $HA_SBIN_DIR/crm_attribute} to set their
 * promotion score; Pacemaker's needs its attribute daemon. A node that wants the scores puts
 * its own {@code crm_attribute} in a directory and passes {@code HA_SBIN_DIR} in
 * {@link org.vigil.lrm.ExecutorConfig#extraEnvironment()}; the agent's
 * {@code OCF_RESOURCE_INSTANCE} and {@code OCF_RESKEY_CRM_meta_on_node} say whose score it is.
 *
 * <h2>Must not</h2>
 *
 * Block on an agent (every run has a timeout, output is read on separate threads and
 * capped), let an agent's children outlive its timeout, share agent state between nodes
 * on one machine (each node has its own {@code HA_RSCTMP}), or process DTDs or entities in
 * meta-data.
 */
package org.vigil.lrm;
