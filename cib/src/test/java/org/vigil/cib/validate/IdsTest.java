package org.vigil.cib.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void acceptsNcNames() {
    assertThat(Ids.isValid("rsc1")).isTrue();
    assertThat(Ids.isValid("_x")).isTrue();
    assertThat(Ids.isValid("vip-monitor-10s")).isTrue();
    assertThat(Ids.isValid("nvpair.id21832")).isTrue();
  }

  @Test
  void refusesWhatTheSchemaRefuses() {
    assertThat(Ids.isValid("1rsc")).isFalse();
    assertThat(Ids.isValid("-x")).isFalse();
    assertThat(Ids.isValid("a b")).isFalse();
    assertThat(Ids.isValid("a:b")).isFalse();
    assertThat(Ids.isValid("")).isFalse();
    assertThat(Ids.whyInvalid("a b")).contains("' '");
    assertThat(Ids.whyInvalid("9x")).contains("start with a letter");
  }
}
