package org.vigil.lrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodesAndDigestsTest {
  @Test
  void ocfCodesHaveTheirMeaningAndSeverity() {
    assertThat(OcfCode.of(0).text()).isEqualTo("ok");
    assertThat(OcfCode.of(7)).isEqualTo(OcfCode.NOT_RUNNING);
    assertThat(OcfCode.of(8).text()).isEqualTo("promoted");
    assertThat(OcfCode.of(9).text()).isEqualTo("promoted (failed)");
    assertThat(OcfCode.of(190)).isEqualTo(OcfCode.DEGRADED);
    assertThat(OcfCode.of(191)).isEqualTo(OcfCode.DEGRADED_PROMOTED);
    assertThat(OcfCode.of(42)).isEqualTo(OcfCode.ERR_GENERIC);
    assertThat(OcfCode.isOcf(42)).isFalse();
    assertThat(List.of(2, 3, 4, 5)).allMatch(c -> OcfCode.of(c).severity() == OcfCode.Severity.HARD);
    assertThat(OcfCode.of(6).severity()).isEqualTo(OcfCode.Severity.FATAL);
    assertThat(List.of(0, 1, 7, 8, 9, 190, 191)).allMatch(c -> OcfCode.of(c).severity() == OcfCode.Severity.SOFT);
  }

  @Test
  void lsbStatusCodesMapToRunningOrStopped() {
    assertThat(LsbCodes.toOcf("status", 0)).isEqualTo(OcfCode.SUCCESS);
    assertThat(LsbCodes.toOcf("status", 1)).isEqualTo(OcfCode.NOT_RUNNING);
    assertThat(LsbCodes.toOcf("status", 2)).isEqualTo(OcfCode.NOT_RUNNING);
    assertThat(LsbCodes.toOcf("status", 3)).isEqualTo(OcfCode.NOT_RUNNING);
    assertThat(LsbCodes.toOcf("status", 4)).isEqualTo(OcfCode.ERR_GENERIC);
    assertThat(LsbCodes.toOcf("status", 150)).isEqualTo(OcfCode.ERR_INSTALLED);
    assertThat(LsbCodes.toOcf("status", 151)).isEqualTo(OcfCode.ERR_PERM);
  }

  @Test
  void lsbCodesOfOtherActionsAreTheOcfCodesUpToSeven() {
    assertThat(LsbCodes.toOcf("start", 0)).isEqualTo(OcfCode.SUCCESS);
    assertThat(LsbCodes.toOcf("start", 1)).isEqualTo(OcfCode.ERR_GENERIC);
    assertThat(LsbCodes.toOcf("start", 5)).isEqualTo(OcfCode.ERR_INSTALLED);
    assertThat(LsbCodes.toOcf("stop", 7)).isEqualTo(OcfCode.NOT_RUNNING);
    assertThat(LsbCodes.toOcf("stop", 8)).isEqualTo(OcfCode.ERR_GENERIC);
    assertThat(LsbCodes.toOcf("start", 150)).isEqualTo(OcfCode.ERR_GENERIC);
  }

  @Test
  void agentSpecsParseAsCrmshWritesThem() {
    assertThat(AgentSpec.parse("ocf:heartbeat:IPaddr2")).isEqualTo(AgentSpec.ocf("heartbeat", "IPaddr2"));
    assertThat(AgentSpec.parse("lsb:apache2")).isEqualTo(AgentSpec.lsb("apache2"));
    assertThat(AgentSpec.parse("IPaddr2").toString()).isEqualTo("ocf:heartbeat:IPaddr2");
    assertThat(AgentSpec.parse("systemd:nginx").agentClass()).isEqualTo(AgentClass.SYSTEMD);
    assertThatThrownBy(() -> AgentSpec.parse("ocf:Dummy")).hasMessageContaining("needs a provider");
    assertThatThrownBy(() -> AgentSpec.parse("lsb:x:y")).hasMessageContaining("only ocf agents have a provider");
    assertThatThrownBy(() -> AgentSpec.parse("ocf:heartbeat:../../bin/sh")).hasMessageContaining("bad agent type");
    assertThatThrownBy(() -> AgentSpec.parse("stonith:fence_xvm")).hasMessageContaining("unknown resource agent class");
  }

  @Test
  void opDigestIsStableOverOrderAndIgnoresNothingButOrder() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "x y");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "x y");
    ba.put("a", "1");
    assertThat(OpDigests.digest(ab)).isEqualTo(OpDigests.digest(ba)).hasSize(32).matches("[0-9a-f]+");
    assertThat(OpDigests.digest(ab)).isNotEqualTo(OpDigests.digest(Map.of("a", "1", "b", "x  y")));
    // escaping keeps "a=1 b=2" apart from one value that contains a quote and a space
    assertThat(OpDigests.digest(Map.of("a", "1\" b=\"2"))).isNotEqualTo(OpDigests.digest(Map.of("a", "1", "b", "2")));
    // the canonical text is Pacemaker's: " <parameters a="1" b="x y"/>\n"
    assertThat(OpDigests.digest(ab)).isEqualTo(md5(" <parameters a=\"1\" b=\"x y\"/>\n"));
    // Pacemaker's regression input params-4: op-restart-digest of no restart parameters
    assertThat(OpDigests.digest(Map.of())).isEqualTo("f2317cad3d54cec5d7d7aa7d0bf35cf8");
  }

  @Test
  void recurringOperationsAlsoDigestTheirTimeout() {
    AgentSpec a = AgentSpec.ocf("heartbeat", "Dummy");
    OperationRequest start = OperationRequest.of("r", a, "start", Duration.ofSeconds(20), Map.of("x", "1"));
    OperationRequest monitor = start.withInterval(Duration.ofSeconds(10));
    assertThat(OpDigests.of(start, null).opDigest()).isEqualTo(OpDigests.digest(Map.of("x", "1")));
    assertThat(OpDigests.of(monitor, null).opDigest())
        .isEqualTo(OpDigests.digest(Map.of("x", "1", "CRM_meta_timeout", "20000")));
  }

  private static String md5(String s) throws RuntimeException {
    try {
      byte[] d = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AgentMetadata agent(List<AgentParameter> params, String... actions) {
    return new AgentMetadata("x", "1.0", "", "", params,
        java.util.Arrays.stream(actions).map(a -> AgentAction.of(a, "timeout", "20s")).toList());
  }

  private static OperationRequest req(Map<String, String> params) {
    return OperationRequest.of("r", AgentSpec.ocf("t", "x"), "start", Duration.ofSeconds(20), params);
  }

  private static AgentParameter param(String name, boolean unique, boolean reloadable) {
    return new AgentParameter(name, "string", null, false, unique, reloadable, false, "", "");
  }

  @Test
  void restartDigestCoversWhatCannotBeReloaded() {
    Map<String, String> p = Map.of("ip", "10.0.0.1", "label", "web", "extra", "1");
    // reload-agent: reloadable="1" parameters can change without a restart; undeclared ones cannot
    OpDigests modern = OpDigests.of(req(p),
        agent(List.of(param("ip", true, false), param("label", false, true)), "start", "reload-agent"));
    assertThat(modern.forceRestart()).containsExactly("extra", "ip");
    assertThat(modern.restartDigest()).isEqualTo(OpDigests.digest(Map.of("ip", "10.0.0.1", "extra", "1")));
    // legacy reload: unique parameters force a restart
    OpDigests legacy = OpDigests.of(req(p),
        agent(List.of(param("ip", true, false), param("label", false, false)), "start", "reload"));
    assertThat(legacy.forceRestart()).containsExactly("ip");
    // no reload at all: every change restarts
    OpDigests none = OpDigests.of(req(p), agent(List.of(param("ip", true, false)), "start"));
    assertThat(none.restartDigest()).isNull();
    assertThat(none.forceRestart()).isEmpty();
    assertThat(none.opDigest()).isEqualTo(modern.opDigest());
  }

  @Test
  void requestsCheckTheirArguments() {
    AgentSpec a = AgentSpec.ocf("heartbeat", "Dummy");
    assertThatThrownBy(() -> OperationRequest.of("", a, "start", Duration.ofSeconds(1), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OperationRequest.of("r", a, "start", Duration.ZERO, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    OperationRequest mon = OperationRequest.of("r", a, "monitor", Duration.ofSeconds(20), Map.of())
        .withInterval(Duration.ofSeconds(10));
    assertThat(mon.key()).isEqualTo("r_monitor_10000");
    assertThat(mon.recurring()).isTrue();
  }
}
