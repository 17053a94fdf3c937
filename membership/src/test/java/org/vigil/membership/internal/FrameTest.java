package org.vigil.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameTest {

    @Test
    void roundTrip() throws Exception {
        Frame f = Frame.decode(Frame.data(7, new byte[] {9, 8}).encode());
        assertThat(f.kind()).isEqualTo(Frame.Kind.DATA);
        assertThat(f.recipient()).isEqualTo(7);
        assertThat(f.payload()).containsExactly(9, 8);
        assertThat(f.isFor(7)).isTrue();
        assertThat(f.isFor(6)).isFalse();
        assertThat(Frame.decode(new Frame(Frame.Kind.LEAVING, Frame.EVERYONE, new byte[0]).encode()))
                .satisfies(l -> assertThat(l.kind()).isEqualTo(Frame.Kind.LEAVING))
                .satisfies(l -> assertThat(l.isFor(6)).isTrue());
    }

    @Test
    void malformedFramesNameTheProblem() {
        assertThatThrownBy(() -> Frame.decode(new byte[] {0x56})).hasMessageContaining("too short");
        assertThatThrownBy(() -> Frame.decode(new byte[] {1, 1, 0, 0, 0, 0, 0})).hasMessageContaining("bad magic 0x01");
        assertThatThrownBy(() -> Frame.decode(new byte[] {0x56, 9, 0, 0, 0, 0, 0})).hasMessageContaining("version 9");
        assertThatThrownBy(() -> Frame.decode(new byte[] {0x56, 1, 7, 0, 0, 0, 0})).hasMessageContaining("kind 7");
        assertThatThrownBy(() -> Frame.decode(new byte[] {0x56, 1, 0, (byte) 0xff, 0, 0, 0}))
                .hasMessageContaining("negative recipient");
    }
}
