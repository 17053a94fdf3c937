package org.vigil.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    @Test
    void acceptsEachCounterOnceInAnyOrderWithinTheWindow() {
        ReplayWindow w = new ReplayWindow();
        assertThat(w.accept(5)).isTrue();
        assertThat(w.accept(3)).isTrue();
        assertThat(w.accept(5)).isFalse();
        assertThat(w.accept(3)).isFalse();
        assertThat(w.accept(4)).isTrue();
        assertThat(w.accept(-1)).isFalse();
    }

    @Test
    void refusesCountersOlderThanTheWindowAndForgetsSlotsItMovesPast() {
        ReplayWindow w = new ReplayWindow();
        assertThat(w.accept(0)).isTrue();
        assertThat(w.accept(ReplayWindow.SIZE)).isTrue();
        assertThat(w.accept(0)).as("too old").isFalse();
        assertThat(w.accept(1)).as("slot reused by a newer counter only after clearing").isTrue();
        assertThat(w.accept(3L * ReplayWindow.SIZE + 7)).isTrue();
        assertThat(w.accept(3L * ReplayWindow.SIZE + 6)).isTrue();
        assertThat(w.accept(3L * ReplayWindow.SIZE + 6)).isFalse();
    }
}
