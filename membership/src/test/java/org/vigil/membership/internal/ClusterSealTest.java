package org.vigil.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jgroups.BytesMessage;
import org.jgroups.Message;
import org.jgroups.util.UUID;
import org.junit.jupiter.api.Test;

class ClusterSealTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        OTHER_KEY[0] = 1;
    }

    private final UUID alice = UUID.randomUUID();

    private Message plain(String text) {
        Message m = new BytesMessage(null, text.getBytes(StandardCharsets.UTF_8)).setSrc(alice);
        m.setFlag(Message.Flag.OOB);
        return m;
    }

    private static String text(Message m) {
        return new String(m.getArray(), m.getOffset(), m.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void roundTripKeepsPayloadSourceAndFlagsAndHidesThePayload() throws Exception {
        ClusterSeal sender = new ClusterSeal(KEY, "c1");
        ClusterSeal receiver = new ClusterSeal(KEY, "c1");
        Message sealed = sender.seal(plain("hello cluster"));
        assertThat(new String(sealed.getArray(), StandardCharsets.ISO_8859_1)).doesNotContain("hello cluster");
        assertThat(sealed.isFlagSet(Message.Flag.OOB)).isTrue();
        Message opened = receiver.unseal(sealed);
        assertThat(text(opened)).isEqualTo("hello cluster");
        assertThat(opened.getSrc()).isEqualTo(alice);
        assertThat(opened.isFlagSet(Message.Flag.OOB)).isTrue();
        assertThat(receiver.rejectedCount()).isZero();
    }

    @Test
    void wrongKeyOrOtherClusterIsRefused() throws Exception {
        Message sealed = new ClusterSeal(KEY, "c1").seal(plain("x"));
        ClusterSeal wrongKey = new ClusterSeal(OTHER_KEY, "c1");
        ClusterSeal otherCluster = new ClusterSeal(KEY, "c2");
        assertThat(wrongKey.unseal(sealed)).isNull();
        assertThat(otherCluster.unseal(sealed)).isNull();
        assertThat(wrongKey.rejectedCount()).isEqualTo(1);
        assertThat(otherCluster.rejectedCount()).isEqualTo(1);
    }

    @Test
    void anyFlippedByteIsRefused() throws Exception {
        ClusterSeal sender = new ClusterSeal(KEY, "c1");
        byte[] sealed = sender.seal(plain("payload")).getArray().clone();
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x10;
            ClusterSeal receiver = new ClusterSeal(KEY, "c1");
            assertThat(receiver.unseal(new BytesMessage(null, tampered).setSrc(alice))).as("byte %d flipped", i)
                    .isNull();
        }
    }

    @Test
    void replaysAndTruncationsAreRefused() throws Exception {
        ClusterSeal sender = new ClusterSeal(KEY, "c1");
        ClusterSeal receiver = new ClusterSeal(KEY, "c1");
        Message first = sender.seal(plain("one"));
        Message second = sender.seal(plain("two"));
        assertThat(receiver.unseal(second)).isNotNull();
        assertThat(receiver.unseal(first)).as("out of order within the window is fine").isNotNull();
        assertThat(receiver.unseal(first)).as("replay").isNull();
        assertThat(receiver.unseal(new BytesMessage(null, new byte[10]).setSrc(alice))).isNull();
        assertThat(receiver.rejectedCount()).isEqualTo(2);
    }
}
