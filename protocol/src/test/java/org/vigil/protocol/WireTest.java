package org.vigil.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.CibVersion;

class WireTest {

  @Test
  void everyRequestSurvivesARoundTrip() throws Exception {
    List<Request> requests = List.of(
        new Request.Query(Scope.CONFIGURATION),
        new Request.Replace(Scope.CIB, "<cib/>", Optional.of(new CibVersion(0, 4, 2))),
        new Request.Replace(Scope.CONFIGURATION, "<configuration/>", Optional.empty()),
        new Request.Update("<configuration>é</configuration>"),
        new Request.Delete("vip"),
        new Request.Status());
    for (Request r : requests) {
      assertThat(Wire.decodeRequest(Wire.encode(r))).isEqualTo(r);
    }
  }

  @Test
  void everyReplySurvivesARoundTrip() throws Exception {
    ClusterStatus st = new ClusterStatus("demo", "node2", Optional.of("node1"), true, "1.3",
        List.of(new ClusterStatus.NodeStatus("node1", 1, 1, true), new ClusterStatus.NodeStatus("node2", 2, 1, false)),
        new CibVersion(0, 7, 1), "abc", "Quorum information\n");
    List<Reply> replies = List.of(
        new Reply.CibXml(new CibVersion(1, 2, 3), "<cib/>"),
        new Reply.Committed(new CibVersion(0, 5, 0)),
        new Reply.Status(st),
        new Reply.Failure(ErrorCode.VERSION_CONFLICT, "CIB changed"));
    for (Reply r : replies) {
      assertThat(Wire.decodeReply(Wire.encode(r))).isEqualTo(r);
    }
  }

  @Test
  void framesCarryTheirLengthAndAnOversizedLengthIsRefusedBeforeReading() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Wire.writeFrame(out, new byte[] {1, 2, 3});
    assertThat(Wire.readFrame(new ByteArrayInputStream(out.toByteArray())).orElseThrow()).containsExactly(1, 2, 3);
    assertThat(Wire.readFrame(new ByteArrayInputStream(new byte[0]))).isEmpty();

    byte[] huge = ByteBuffer.allocate(4).putInt(Wire.MAX_FRAME + 1).array();
    assertThatThrownBy(() -> Wire.readFrame(new ByteArrayInputStream(huge)))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("outside");
    byte[] negative = ByteBuffer.allocate(4).putInt(-5).array();
    assertThatThrownBy(() -> Wire.readFrame(new ByteArrayInputStream(negative))).isInstanceOf(ProtocolException.class);
  }

  @Test
  void malformedMessagesAreRefusedWithAReason() {
    assertThatThrownBy(() -> Wire.decodeRequest(new byte[] {9, 1})).hasMessageContaining("protocol version 9");
    assertThatThrownBy(() -> Wire.decodeRequest(new byte[] {1, 77})).hasMessageContaining("unknown request kind 77");
    assertThatThrownBy(() -> Wire.decodeRequest(new byte[] {1})).hasMessageContaining("ends early");
    byte[] lyingLength = ByteBuffer.allocate(10).put((byte) 1).put((byte) 4).putInt(1000).array();
    assertThatThrownBy(() -> Wire.decodeRequest(lyingLength)).hasMessageContaining("does not fit");
    byte[] trailing = ByteBuffer.allocate(3).put((byte) 1).put((byte) 5).put((byte) 0).array();
    assertThatThrownBy(() -> Wire.decodeRequest(trailing)).hasMessageContaining("unexpected bytes");
    byte[] badScope = Wire.encode(new Request.Query(Scope.CIB));
    badScope[badScope.length - 1] = 'X';
    assertThatThrownBy(() -> Wire.decodeRequest(badScope)).hasMessageContaining("unknown scope");
  }
}
