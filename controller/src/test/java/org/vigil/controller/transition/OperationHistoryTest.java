package org.vigil.controller.transition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.xml.CibXml;

class OperationHistoryTest {
  private static final String UUID = "5c6bd1ba-52a5-4b66-a3ce-5bbcb7a1d7c1";

  private static Cib cib(String crmConfig) throws Exception {
    return CibXml.parse("""
        <cib epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config>%s</crm_config>
          <nodes><node id="1" uname="node1"/><node id="2" uname="node2"/></nodes>
          <resources><primitive id="db" class="ocf" provider="pacemaker" type="Dummy"/></resources>
          <constraints/></configuration><status/></cib>
        """.formatted(crmConfig), "test");
  }

  private static ExecutedOperation op(String task, long interval, int rc, int targetRc, long at) {
    return new ExecutedOperation("node1", "db", "ocf", "pacemaker", "Dummy", task, interval, rc,
        ExecutedOperation.DONE, null, 7, at, 12, 1, "0123abcd", new TransitionKey(4, 3, targetRc, UUID));
  }

  private static LrmResource history(Cib cib) {
    NodeState s = cib.status().nodeState("node1").orElseThrow();
    return s.lrmResources().stream().filter(r -> r.id().equals("db")).findFirst().orElseThrow();
  }

  private static Optional<LrmRscOp> record(Cib cib, String id) {
    return history(cib).ops().stream().filter(o -> id.equals(o.id())).findFirst();
  }

  private static Optional<String> attr(Cib cib, String name) {
    return cib.status().nodeState("node1").orElseThrow().transientAttribute(name);
  }

  @Test
  void aStartBecomesTheLastOperationWithPacemakersKeysAndFields() throws Exception {
    Cib c = OperationHistory.record(cib(""), op("start", 0, 0, 0, 1_700_000_000L));
    LrmResource r = history(c);
    assertThat(List.of(r.resourceClass(), r.provider(), r.type())).containsExactly("ocf", "pacemaker", "Dummy");
    String xml = CibXml.write(c);
    assertThat(xml).contains("<lrm id=\"1\">").contains("<lrm_resource id=\"db\" type=\"Dummy\" class=\"ocf\" "
        + "provider=\"pacemaker\">");
    assertThat(CibXml.toElement(record(c, "db_last_0").orElseThrow()).toString())
        .contains("id=\"db_last_0\"", "operation_key=\"db_start_0\"", "operation=\"start\"",
            "transition-key=\"4:3:0:" + UUID + "\"", "transition-magic=\"0:0;4:3:0:" + UUID + "\"",
            "on_node=\"node1\"", "call-id=\"7\"", "rc-code=\"0\"", "op-status=\"0\"", "interval=\"0\"",
            "last-run=\"1700000000\"", "last-rc-change=\"1700000000\"", "exec-time=\"12\"", "queue-time=\"1\"",
            "op-digest=\"0123abcd\"", "crm_feature_set=\"3.16.2\"");
    assertThat(record(c, "db_last_failure_0")).isEmpty();
    assertThat(CibXml.parse(xml, "again").status()).isEqualTo(c.status());
  }

  @Test
  void theNextOneTimeOperationReplacesTheLastOne() throws Exception {
    Cib c = OperationHistory.record(cib(""), op("start", 0, 0, 0, 100));
    c = OperationHistory.record(c, op("stop", 0, 0, 0, 200));
    assertThat(history(c).ops()).extracting(LrmRscOp::id).containsExactly("db_last_0");
    assertThat(record(c, "db_last_0").orElseThrow().operationKey()).isEqualTo("db_stop_0");
  }

  @Test
  void aRecurringMonitorKeepsItsOwnRecordAndTheTimeItsResultLastChanged() throws Exception {
    Cib c = OperationHistory.record(cib(""), op("start", 0, 0, 0, 100));
    c = OperationHistory.record(c, op("monitor", 10000, 0, 0, 101));
    c = OperationHistory.record(c, op("monitor", 10000, 0, 0, 111));
    LrmRscOp mon = record(c, "db_monitor_10000").orElseThrow();
    assertThat(mon.lastRcChange()).isEqualTo(101);
    assertThat(mon.lastRun()).as("recurring operations carry no last-run").isNull();
    assertThat(record(c, "db_last_0").orElseThrow().operationKey()).isEqualTo("db_start_0");
  }

  @Test
  void aFailedMonitorRecordsTheFailureAndCountsIt() throws Exception {
    Cib c = OperationHistory.record(cib(""), op("monitor", 10000, 0, 0, 101));
    c = OperationHistory.record(c, op("monitor", 10000, 7, 0, 131));
    c = OperationHistory.record(c, op("monitor", 10000, 7, 0, 161));
    assertThat(record(c, "db_monitor_10000").orElseThrow().lastRcChange()).isEqualTo(131);
    LrmRscOp failure = record(c, "db_last_failure_0").orElseThrow();
    assertThat(failure.operationKey()).isEqualTo("db_monitor_10000");
    assertThat(failure.rc()).isEqualTo(7);
    assertThat(failure.transitionMagic()).isEqualTo("0:7;4:3:0:" + UUID);
    assertThat(attr(c, "fail-count-db#monitor_10000")).contains("2");
    assertThat(attr(c, "last-failure-db#monitor_10000")).contains("161");
  }

  @Test
  void aFailedStartIsFatalOnThatNodeUnlessConfiguredOtherwise() throws Exception {
    Cib c = OperationHistory.record(cib(""), op("start", 0, 1, 0, 100));
    assertThat(attr(c, "fail-count-db#start_0")).contains("INFINITY");
    assertThat(record(c, "db_last_0").orElseThrow().rc()).isEqualTo(1);
    assertThat(record(c, "db_last_failure_0").orElseThrow().operationKey()).isEqualTo("db_start_0");

    Cib lenient = cib("<cluster_property_set id=\"o\"><nvpair id=\"o-s\" name=\"start-failure-is-fatal\" "
        + "value=\"false\"/></cluster_property_set>");
    lenient = OperationHistory.record(lenient, op("start", 0, 1, 0, 100));
    lenient = OperationHistory.record(lenient, op("start", 0, 1, 0, 130));
    assertThat(attr(lenient, "fail-count-db#start_0")).contains("2");
  }

  @Test
  void probesRecordWhatTheyFoundButNeverCountAsFailures() throws Exception {
    Cib c = OperationHistory.record(cib(""), op("monitor", 0, 7, 7, 100));
    assertThat(record(c, "db_last_0").orElseThrow().transitionMagic()).isEqualTo("0:7;4:3:7:" + UUID);
    assertThat(record(c, "db_last_failure_0")).isEmpty();

    Cib active = OperationHistory.record(cib(""), op("monitor", 0, 0, 7, 100));
    assertThat(record(active, "db_last_failure_0")).as("found active: listed, as Pacemaker does").isPresent();
    assertThat(attr(active, "fail-count-db#monitor_0")).isEmpty();
  }

  @Test
  void aTimeoutIsAFailureWhateverTheRc() throws Exception {
    ExecutedOperation o = op("stop", 0, 0, 0, 100);
    ExecutedOperation timedOut = new ExecutedOperation(o.node(), o.resource(), o.resourceClass(), o.provider(),
        o.type(), o.task(), 0, 1, ExecutedOperation.TIMED_OUT, "timed out after 20s", 8, 100, 20000, 0, "d", o.key());
    Cib c = OperationHistory.record(cib(""), timedOut);
    assertThat(record(c, "db_last_failure_0").orElseThrow().transitionMagic()).isEqualTo("2:1;4:3:0:" + UUID);
    assertThat(record(c, "db_last_failure_0").orElseThrow().exitReason()).isEqualTo("timed out after 20s");
    assertThat(attr(c, "fail-count-db#stop_0")).contains("1");
  }

  @Test
  void aStopForgetsRecurringMonitorsAndACancelForgetsOne() throws Exception {
    Cib c = OperationHistory.record(cib(""), op("start", 0, 0, 0, 100));
    c = OperationHistory.record(c, op("monitor", 10000, 0, 0, 101));
    c = OperationHistory.record(c, op("monitor", 20000, 0, 0, 101));
    Cib cancelled = OperationHistory.forgetRecurring(c, "node1", "db", "monitor", 10000);
    assertThat(history(cancelled).ops()).extracting(LrmRscOp::id).containsExactly("db_last_0", "db_monitor_20000");
    Cib stopped = OperationHistory.record(c, op("stop", 0, 0, 0, 200));
    assertThat(history(stopped).ops()).extracting(LrmRscOp::id).containsExactly("db_last_0");
    Cib failedThenStopped = OperationHistory.record(OperationHistory.record(c, op("monitor", 10000, 7, 0, 150)),
        op("stop", 0, 0, 0, 200));
    assertThat(history(failedThenStopped).ops()).extracting(LrmRscOp::id).containsExactly("db_last_0",
        "db_last_failure_0");
  }

  @Test
  void notificationsAreNotRecorded() throws Exception {
    Cib before = cib("");
    assertThat(OperationHistory.record(before, op("notify", 0, 0, 0, 100))).isEqualTo(before);
  }

  @Test
  void clearingFailuresKeepsTheHistory() throws Exception {
    Cib c = OperationHistory.record(cib(""), op("monitor", 10000, 7, 0, 100));
    c = OperationHistory.clearFailures(c, "node1", "db");
    assertThat(attr(c, "fail-count-db#monitor_10000")).isEmpty();
    assertThat(attr(c, "last-failure-db#monitor_10000")).isEmpty();
    assertThat(record(c, "db_last_failure_0")).isPresent();
  }

  @Test
  void otherNodesAndResourcesAreLeftAlone() throws Exception {
    Cib c = OperationHistory.record(cib(""), op("start", 0, 0, 0, 100));
    ExecutedOperation o = op("start", 0, 0, 0, 100);
    Cib both = OperationHistory.record(c, new ExecutedOperation("node2", "web", "ocf", "heartbeat", "apache", "start",
        0, 0, 0, null, 1, 100, 5, 0, "d", o.key()));
    assertThat(both.status().nodeState("node1")).isEqualTo(c.status().nodeState("node1"));
    assertThat(both.status().nodeState("node2").orElseThrow().lrmResources()).extracting(LrmResource::id)
        .containsExactly("web");
  }

  @Test
  void transitionKeysReadBackAndRefuseGarbage() {
    TransitionKey k = TransitionKey.parse("75:213:7:7e027c85-51d6-4940-bdb3-ff61ef0e6b11");
    assertThat(k).isEqualTo(new TransitionKey(75, 213, 7, "7e027c85-51d6-4940-bdb3-ff61ef0e6b11"));
    assertThat(k.magic(0, 7)).isEqualTo("0:7;75:213:7:7e027c85-51d6-4940-bdb3-ff61ef0e6b11");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TransitionKey.parse("75:x:7:u"))
        .hasMessageContaining("bad transition key '75:x:7:u'");
  }
}
