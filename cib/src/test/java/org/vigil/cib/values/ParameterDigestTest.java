package org.vigil.cib.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The digest equals the {@code op-digest} / {@code op-restart-digest} values Pacemaker recorded
 * in its scheduler regression inputs, for the parameters those inputs configure.
 */
class ParameterDigestTest {
  @Test
  void noParametersMatchesParams2AndTheRestartDigestOfParams4() {
    // params-2 rsc1_start_0; params-4 DcIPaddr op-restart-digest (op-force-restart " dummy ", not configured)
    assertThat(ParameterDigest.of(Map.of())).isEqualTo("f2317cad3d54cec5d7d7aa7d0bf35cf8");
  }

  @Test
  void startDigestsOfRestartWithExtraOpParams() {
    // dummy1: passwd=whatever fake=foo; op-digest, op-restart-digest (passwd), op-secure-digest (without passwd)
    assertThat(ParameterDigest.of(Map.of("passwd", "whatever", "fake", "foo")))
        .isEqualTo("457016173e548c394dcf3896e3066412");
    assertThat(ParameterDigest.of(Map.of("passwd", "whatever"))).isEqualTo("5de129d7fe42dbcfe537f2c63b1921b6");
    assertThat(ParameterDigest.of(Map.of("fake", "foo"))).isEqualTo("e989cbe4a0e9492305ffdc8c6391ffee");
  }

  @Test
  void recurringMonitorDigestsIncludeTheTimeoutInMilliseconds() {
    // restart-with-extra-op-params dummy1_monitor_10000 (timeout="20")
    assertThat(ParameterDigest.of(Map.of("passwd", "whatever", "fake", "foo", "CRM_meta_timeout", "20000")))
        .isEqualTo("f9a51bfe2c3d74c3b72202f3101682b7");
    // 1-a-then-bm-move-b A_monitor_60000: no parameters, the default 20 s timeout
    assertThat(ParameterDigest.of(Map.of("CRM_meta_timeout", "20000"))).isEqualTo("4811cef7f7f94e3a35a70be7916cb2fd");
  }

  @Test
  void parametersAreSortedByName() {
    // novell-239087 fs_1_start_0
    assertThat(ParameterDigest.of(Map.of("fstype", "reiserfs", "directory", "/mnt/share1", "device", "/dev/drbd0")))
        .isEqualTo("e38fc095cd72534897b21e24a8484122");
  }

  @Test
  void specialCharactersAreEscapedSoValuesCannotForgeAttributes() {
    assertThat(ParameterDigest.of(Map.of("a", "1\" b=\"2"))).isNotEqualTo(ParameterDigest.of(Map.of("a", "1", "b", "2")));
    assertThat(ParameterDigest.of(Map.of("a", "x\ny"))).isNotEqualTo(ParameterDigest.of(Map.of("a", "x y")));
  }
}
