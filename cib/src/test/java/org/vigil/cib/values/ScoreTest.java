package org.vigil.cib.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cib.values.Score.INFINITY;
import static org.vigil.cib.values.Score.MINUS_INFINITY;

import org.junit.jupiter.api.Test;

class ScoreTest {
  @Test
  void infinityIsOneMillion() {
    assertThat(INFINITY).isEqualTo(1_000_000);
    assertThat(Score.parse("INFINITY")).contains(1_000_000);
  }

  @Test
  void anythingPlusInfinityIsInfinity() {
    assertThat(Score.add(5, INFINITY)).isEqualTo(INFINITY);
    assertThat(Score.add(INFINITY, -999_999)).isEqualTo(INFINITY);
    assertThat(Score.add(INFINITY, INFINITY)).isEqualTo(INFINITY);
  }

  @Test
  void anythingMinusInfinityIsMinusInfinity() {
    assertThat(Score.add(5, MINUS_INFINITY)).isEqualTo(MINUS_INFINITY);
    assertThat(Score.subtract(5, INFINITY)).isEqualTo(MINUS_INFINITY);
  }

  @Test
  void infinityMinusInfinityIsMinusInfinity() {
    assertThat(Score.add(INFINITY, MINUS_INFINITY)).isEqualTo(MINUS_INFINITY);
    assertThat(Score.add(MINUS_INFINITY, INFINITY)).isEqualTo(MINUS_INFINITY);
    assertThat(Score.subtract(INFINITY, INFINITY)).isEqualTo(MINUS_INFINITY);
  }

  @Test
  void finiteSumsClampAtInfinity() {
    assertThat(Score.add(600_000, 600_000)).isEqualTo(INFINITY);
    assertThat(Score.add(-600_000, -600_000)).isEqualTo(MINUS_INFINITY);
    assertThat(Score.add(100, -30)).isEqualTo(70);
  }

  @Test
  void parsesTheSpellingsACibUses() {
    assertThat(Score.parse("+INFINITY")).contains(INFINITY);
    assertThat(Score.parse("-INFINITY")).contains(MINUS_INFINITY);
    assertThat(Score.parse("-infinity")).contains(MINUS_INFINITY);
    assertThat(Score.parse("100")).contains(100);
    assertThat(Score.parse("+100")).contains(100);
    assertThat(Score.parse("-5")).contains(-5);
    assertThat(Score.parse("2000000")).contains(INFINITY);
    assertThat(Score.parse("99999999999999999999999")).contains(INFINITY);
  }

  @Test
  void refusesWhatIsNotAScore() {
    assertThat(Score.parse("inf")).isEmpty();
    assertThat(Score.parse("ten")).isEmpty();
    assertThat(Score.parse("1.5")).isEmpty();
    assertThat(Score.parse("")).isEmpty();
    assertThat(Score.parse(null)).isEmpty();
  }

  @Test
  void formatsAsCrmSimulatePrints() {
    assertThat(Score.format(INFINITY)).isEqualTo("INFINITY");
    assertThat(Score.format(MINUS_INFINITY)).isEqualTo("-INFINITY");
    assertThat(Score.format(-12)).isEqualTo("-12");
  }
}
