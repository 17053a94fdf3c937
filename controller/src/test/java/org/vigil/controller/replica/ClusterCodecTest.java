package org.vigil.controller.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.CibVersion;
import org.vigil.protocol.ErrorCode;
import org.vigil.protocol.Reply;
import org.vigil.protocol.Request;
import org.vigil.protocol.Scope;

class ClusterCodecTest {
  private static final CibVersion V = new CibVersion(0, 3, 1);
  private static final CibOp.Stamp STAMP = new CibOp.Stamp("root", "crm", "node2", 1_795_435_200L);

  @Test
  void everyMessageSurvivesARoundTrip() throws Exception {
    List<ClusterMessage> all = List.of(
        new ClusterMessage.Announce("1.2", V, "d1", "<cib/>"),
        new ClusterMessage.Sync("1.2", "<cib/>"),
        new ClusterMessage.Forward(7, new CibOp.Client(new Request.Delete("vip"), STAMP)),
        new ClusterMessage.Commit(V, List.of(
            new CibOp.Client(new Request.Replace(Scope.CIB, "<cib/>", Optional.of(V)), STAMP),
            new CibOp.MembershipStatus("1", true, List.of(new CibOp.NodeEntry("1", "node1", true, "member"),
                new CibOp.NodeEntry("2", "node2", false, "down")))), V.nextEpoch(), "d2"),
        new ClusterMessage.Ack(V),
        new ClusterMessage.Result(7, new Reply.Committed(V)),
        new ClusterMessage.Result(8, new Reply.Failure(ErrorCode.INVALID_CIB, "bad")),
        new ClusterMessage.Resync(V),
        new ClusterMessage.Solicit("2.7"),
        new ClusterMessage.Digest("2.7", V, "d3"));
    for (ClusterMessage m : all) {
      assertThat(ClusterCodec.decode(ClusterCodec.encode(m))).isEqualTo(m);
    }
  }

  @Test
  void anyDamageIsRefusedNotMisread() {
    byte[] good = ClusterCodec.encode(new ClusterMessage.Commit(V, List.of(new CibOp.Client(new Request.Delete("x"), STAMP)),
        V.nextEpoch(), "d"));
    for (int cut = 0; cut < good.length; cut++) {
      byte[] truncated = Arrays.copyOf(good, cut);
      assertThatThrownBy(() -> ClusterCodec.decode(truncated)).isInstanceOf(ClusterCodec.MalformedMessageException.class);
    }
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> ClusterCodec.decode(longer)).hasMessageContaining("unexpected bytes");
    byte[] otherMagic = good.clone();
    otherMagic[0] = 0x42;
    assertThatThrownBy(() -> ClusterCodec.decode(otherMagic)).hasMessageContaining("unknown header");
    byte[] otherKind = good.clone();
    otherKind[2] = 99;
    assertThatThrownBy(() -> ClusterCodec.decode(otherKind)).hasMessageContaining("unknown message kind 99");
  }
}
