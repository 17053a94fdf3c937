package org.vigil.cib.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CibVersionTest {
  @Test
  void adminEpochOutranksEverything() {
    assertThat(new CibVersion(1, 0, 0)).isGreaterThan(new CibVersion(0, 999, 999));
  }

  @Test
  void epochOutranksNumUpdates() {
    assertThat(new CibVersion(0, 5, 0)).isGreaterThan(new CibVersion(0, 4, 1000));
    assertThat(new CibVersion(0, 5, 0).isNewerThan(new CibVersion(0, 4, 1000))).isTrue();
  }

  @Test
  void numUpdatesBreaksTies() {
    assertThat(new CibVersion(0, 5, 2)).isGreaterThan(new CibVersion(0, 5, 1));
    assertThat(new CibVersion(0, 5, 2)).isEqualByComparingTo(new CibVersion(0, 5, 2));
  }

  @Test
  void configurationChangesBumpEpochAndResetUpdates() {
    assertThat(new CibVersion(2, 7, 9).nextEpoch()).isEqualTo(new CibVersion(2, 8, 0));
    assertThat(new CibVersion(2, 7, 9).nextUpdate()).isEqualTo(new CibVersion(2, 7, 10));
  }

  @Test
  void negativeNumbersAreRefused() {
    assertThatThrownBy(() -> new CibVersion(0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
