package org.vigil.cib.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void plainNumbersAreSeconds() {
    assertThat(Durations.parseMillis("10")).contains(10_000L);
    assertThat(Durations.parseMillis("0")).contains(0L);
  }

  @Test
  void unitsAndIso8601() {
    assertThat(Durations.parseMillis("500ms")).contains(500L);
    assertThat(Durations.parseMillis("10s")).contains(10_000L);
    assertThat(Durations.parseMillis("2m")).contains(120_000L);
    assertThat(Durations.parseMillis("2min")).contains(120_000L);
    assertThat(Durations.parseMillis("1h")).contains(3_600_000L);
    assertThat(Durations.parseMillis("PT10S")).contains(10_000L);
    assertThat(Durations.parseMillis("P1DT2H")).contains(93_600_000L);
    assertThat(Durations.parseMillis("P10S")).contains(10_000L);
    assertThat(Durations.parseMillis("P1M")).contains(30L * 86_400_000);
    assertThat(Durations.parseMillis("PT1M")).contains(60_000L);
  }

  @Test
  void refusesGarbage() {
    assertThat(Durations.parseMillis("ten seconds")).isEmpty();
    assertThat(Durations.parseMillis("P")).isEmpty();
    assertThat(Durations.parseMillis("10x")).isEmpty();
  }
}
