package org.vigil.crmsh.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.CibVersion;
import org.vigil.cib.xml.CibXml;
import org.vigil.protocol.ClusterStatus;
import org.vigil.protocol.ErrorCode;
import org.vigil.protocol.Reply;
import org.vigil.protocol.Request;
import org.vigil.protocol.Scope;
import org.vigil.protocol.Wire;

/**
 * A stand-in for vigild on a Unix socket, speaking the client protocol: it keeps one CIB, answers
 * queries and status, and takes a configuration replace when its expected epoch matches (bumping the
 * epoch, as the DC does). Records every request it got.
 */
final class FakeVigild implements AutoCloseable {
  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ServerSocketChannel server;
  private volatile Cib cib;
  private final java.util.concurrent.atomic.AtomicReference<java.util.function.UnaryOperator<Cib>> afterQuery =
      new java.util.concurrent.atomic.AtomicReference<>();

  FakeVigild(Path socket, Cib initial) throws IOException {
    this.cib = initial;
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Thread t = new Thread(this::serve, "fake-vigild");
    t.setDaemon(true);
    t.start();
  }

  Cib cib() {
    return cib;
  }

  private void serve() {
    while (server.isOpen()) {
      try (SocketChannel c = server.accept()) {
        InputStream in = Channels.newInputStream(c);
        OutputStream out = Channels.newOutputStream(c);
        Optional<byte[]> frame;
        while ((frame = Wire.readFrame(in)).isPresent()) {
          Request r = Wire.decodeRequest(frame.get());
          requests.add(r);
          Wire.writeFrame(out, Wire.encode(answer(r)));
          if (r instanceof Request.Query) {
            java.util.function.UnaryOperator<Cib> hook = afterQuery.getAndSet(null);
            if (hook != null) {
              writeStatus(hook);
            }
          }
        }
      } catch (Exception e) {
        // the client went away or the server closed; wait for the next one
      }
    }
  }

  private Reply answer(Request r) throws Exception {
    if (r instanceof Request.Query) {
      return new Reply.CibXml(cib.version(), CibXml.write(cib));
    }
    if (r instanceof Request.Status) {
      return new Reply.Status(new ClusterStatus("fake", "node1", Optional.of("node1"), true, "1.1",
          List.of(new ClusterStatus.NodeStatus("node1", 1, 1, true), new ClusterStatus.NodeStatus("node2", 2, 1, false)),
          cib.version(), "0123456789abcdef", "Quorum information\n------------------\nQuorate:          Yes\n"));
    }
    if (r instanceof Request.Replace rep && rep.scope() == Scope.CONFIGURATION) {
      if (rep.expected().isPresent() && rep.expected().get().epoch() != cib.version().epoch()) {
        return new Reply.Failure(ErrorCode.VERSION_CONFLICT, "the configuration changed since it was read (version "
            + rep.expected().get() + " is now " + cib.version() + "); nothing written");
      }
      CibVersion next = cib.version().nextEpoch();
      String wrapped = "<cib>" + rep.xml() + "</cib>";
      cib = cib.withConfiguration(CibXml.parse(wrapped, "replace").configuration()).withVersion(next);
      return new Reply.Committed(next);
    }
    if (r instanceof Request.Replace rep && rep.scope() == Scope.CIB) {
      if (rep.expected().isPresent() && !rep.expected().get().equals(cib.version())) {
        return new Reply.Failure(ErrorCode.VERSION_CONFLICT, "the CIB changed since it was read (version "
            + rep.expected().get() + " is now " + cib.version() + "); nothing written");
      }
      Cib given = CibXml.parse(rep.xml(), "replace");
      CibVersion next = given.configuration().equals(cib.configuration()) ? cib.version().nextUpdate()
          : cib.version().nextEpoch();
      cib = given.withVersion(next);
      return new Reply.Committed(next);
    }
    return new Reply.Failure(ErrorCode.MALFORMED, "the fake does not do " + r);
  }

  /** Once, right after answering the next query: the cluster writes between a client's read and its write. */
  void afterNextQuery(java.util.function.UnaryOperator<Cib> change) {
    afterQuery.set(change);
  }

  /** The cluster writes a status change (an operation result) behind the client's back. */
  void writeStatus(java.util.function.UnaryOperator<Cib> change) {
    cib = change.apply(cib).withVersion(cib.version().nextUpdate());
  }

  /** Another writer changes the CIB behind the client's back. */
  void bumpBehindTheClientsBack() {
    cib = cib.withVersion(cib.version().nextEpoch());
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
