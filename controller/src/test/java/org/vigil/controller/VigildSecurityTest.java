package org.vigil.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.membership.KeyFile;
import org.vigil.membership.Membership;
import org.vigil.membership.MembershipConfig;
import org.vigil.membership.MembershipEvent;
import org.vigil.membership.MembershipListener;
import org.vigil.membership.Node;
import org.vigil.protocol.ErrorCode;
import org.vigil.protocol.Reply;
import org.vigil.protocol.VigilClient;
import org.vigil.protocol.Wire;

/**
 * A node with the wrong key, a member sending garbage, a client sending garbage (ports from 7660, or the
 * next free blocks).
 */
class VigildSecurityTest {
  private static final Duration FORM = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aNodeWithAnotherKeyIsRefusedAndTheRefusalIsLogged() throws Exception {
    try (VigildCluster c = new VigildCluster(dir, 3, 7660)) {
      c.start(1);
      c.start(2);
      c.awaitMembers(List.of(1, 2), FORM);
      Path otherKey = dir.resolve("other-authkey");
      KeyFile.generate(otherKey);
      c.writeConfig(3, otherKey);
      c.start(3);
      VigildCluster.await("node3 to run alone", FORM,
          () -> c.status(3).filter(s -> s.members().equals(List.of("node3"))).orElse(null));
      VigildCluster.await("a logged refusal", FORM, () -> {
        try {
          String all = c.logText(1) + c.logText(2) + c.logText(3);
          return all.contains("Refused cluster message") ? Boolean.TRUE : null;
        } catch (Exception e) {
          return null;
        }
      });
      assertThat(c.status(1).orElseThrow().members()).containsExactly("node1", "node2");
      assertThat(c.status(2).orElseThrow().members()).containsExactly("node1", "node2");
    }
  }

  @Test
  void aMalformedMessageFromAMemberIsDroppedWithALogLineAndTheNodeGoesOn() throws Exception {
    try (VigildCluster c = new VigildCluster(dir, 3, 7665)) {
      c.start(1);
      c.start(2);
      c.awaitMembers(List.of(1, 2), FORM);
      // node3 is this test: a member with the right key that sends bytes no vigild can decode.
      MembershipConfig node3 = VigildConfig.read(c.config(3)).membership();
      try (Membership m = Membership.start(node3, new MembershipListener() {
        @Override
        public void onEvent(MembershipEvent event) {}

        @Override
        public void onMessage(Node from, byte[] payload) {}
      })) {
        VigildCluster.await("node3 to be a member", FORM,
            () -> c.status(1).filter(s -> s.members().size() == 3).orElse(null));
        m.broadcast("not a cluster message".getBytes(StandardCharsets.UTF_8));
        m.send("node1", new byte[] {(byte) 0xC1, 1, 4, 0, 0});
        VigildCluster.await("node1 to log the dropped messages", FORM, () -> {
          try {
            String log = c.logText(1);
            return log.contains("dropping a malformed cluster message from node node3 (21 bytes)")
                && log.contains("dropping a malformed cluster message from node node3 (5 bytes)") ? Boolean.TRUE : null;
          } catch (Exception e) {
            return null;
          }
        });
      }
      c.awaitMembers(List.of(1, 2), FORM);
      try (VigilClient client = c.client(2)) {
        client.update(VigildScenarioTest.dummy("after-garbage"));
      }
      c.awaitSameCib(List.of(1, 2), Duration.ofSeconds(10));
      assertThat(VigildScenarioTest.cibOf(c, 1).configuration().findResource("after-garbage")).isPresent();
    }
  }

  @Test
  void theSocketIsGroupOnlyAndAMalformedClientIsAnsweredWithAnErrorNotACrash() throws Exception {
    try (VigildCluster c = new VigildCluster(dir, 1, 7670)) {
      c.start(1);
      c.awaitMembers(List.of(1), FORM);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(c.socket(1)))).isEqualTo("rw-rw----");

      try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        ch.connect(UnixDomainSocketAddress.of(c.socket(1)));
        OutputStream out = Channels.newOutputStream(ch);
        InputStream in = Channels.newInputStream(ch);
        Wire.writeFrame(out, new byte[] {1, 99});
        Reply unknown = Wire.decodeReply(Wire.readFrame(in).orElseThrow());
        assertThat(unknown).isInstanceOfSatisfying(Reply.Failure.class, f -> {
          assertThat(f.code()).isEqualTo(ErrorCode.MALFORMED);
          assertThat(f.message()).contains("unknown request kind 99");
        });
        out.write(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array());
        out.flush();
        Reply tooBig = Wire.decodeReply(Wire.readFrame(in).orElseThrow());
        assertThat(tooBig).isInstanceOfSatisfying(Reply.Failure.class,
            f -> assertThat(f.message()).contains("frame length"));
        assertThat(Wire.readFrame(in)).as("the connection is closed after a bad frame").isEmpty();
      }
      try (VigilClient client = c.client(1)) {
        assertThat(client.status().localNode()).isEqualTo("node1");
        VigilClient.RefusedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> client.update("<configuration><resources>"), VigilClient.RefusedException.class);
        assertThat(refused.failure().code()).isEqualTo(ErrorCode.INVALID_XML);
      }
      assertThat(c.logText(1)).contains("malformed request: unknown request kind 99");
    }
  }
}
