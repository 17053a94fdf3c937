package org.vigil.controller.transition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Digests taken from lrm_rsc_op records in Pacemaker 2.1.5's scheduler regression inputs. */
class OperationDigestTest {
  @Test
  void oneShotOperationsDigestTheParametersAsPacemakerDoes() {
    assertThat(OperationDigest.of(Map.of(), 0, 20000)).isEqualTo("f2317cad3d54cec5d7d7aa7d0bf35cf8");
    // bug-5014-A-stop-B-started.xml, ClusterIP_last_0
    assertThat(OperationDigest.of(Map.of("ip", "192.168.122.101", "cidr_netmask", "32"), 0, 90000))
        .isEqualTo("aa23ce1258f88c74b84a630cb3427eea");
  }

  @Test
  void recurringOperationsAddTheirTimeout() {
    assertThat(OperationDigest.of(Map.of(), 10000, 20000))
        .isEqualTo(OperationDigest.of(Map.of("CRM_meta_timeout", "20000"), 0, 0));
    assertThat(OperationDigest.of(Map.of(), 10000, 30000)).isNotEqualTo(OperationDigest.of(Map.of(), 10000, 20000));
  }
}
