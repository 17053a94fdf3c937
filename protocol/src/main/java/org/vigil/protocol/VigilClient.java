package org.vigil.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Optional;
import org.vigil.cib.model.CibVersion;

/**
 * A blocking connection to one vigild's local socket: one request at a time, each answered by
 * one reply. Not thread-safe; open one client per thread.
 */
public final class VigilClient implements AutoCloseable {
  private final Path socket;
  private final SocketChannel channel;
  private final InputStream in;
  private final OutputStream out;

  private VigilClient(Path socket, SocketChannel channel) {
    this.socket = socket;
    this.channel = channel;
    this.in = new BufferedInputStream(Channels.newInputStream(channel));
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel));
  }

  /** Connects to the vigild listening on {@code socket} (its {@code DATADIR/vigild.sock}). */
  public static VigilClient connect(Path socket) throws ProtocolException {
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
      return new VigilClient(socket, channel);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new ProtocolException("cannot connect to vigild at " + socket + ": " + describe(e)
          + " (is vigild running? start it with 'bin/vigild --config FILE')", e);
    }
  }

  public Path socket() {
    return socket;
  }

  /** Sends one request and waits for its reply; a refusal comes back as {@link Reply.Failure}. */
  public Reply call(Request request) throws ProtocolException {
    try {
      Wire.writeFrame(out, Wire.encode(request));
      Optional<byte[]> frame = Wire.readFrame(in);
      if (frame.isEmpty()) {
        throw new ProtocolException("vigild at " + socket + " closed the connection without a reply");
      }
      return Wire.decodeReply(frame.get());
    } catch (IOException e) {
      throw new ProtocolException("connection to vigild at " + socket + " failed: " + describe(e), e);
    }
  }

  /** The CIB or a section of it. */
  public Reply.CibXml query(Scope scope) throws ProtocolException, RefusedException {
    return expect(call(new Request.Query(scope)), Reply.CibXml.class);
  }

  public Reply.Committed replace(Scope scope, String xml, Optional<CibVersion> expected)
      throws ProtocolException, RefusedException {
    return expect(call(new Request.Replace(scope, xml, expected)), Reply.Committed.class);
  }

  public Reply.Committed update(String xml) throws ProtocolException, RefusedException {
    return expect(call(new Request.Update(xml)), Reply.Committed.class);
  }

  public Reply.Committed delete(String id) throws ProtocolException, RefusedException {
    return expect(call(new Request.Delete(id)), Reply.Committed.class);
  }

  public ClusterStatus status() throws ProtocolException, RefusedException {
    return expect(call(new Request.Status()), Reply.Status.class).status();
  }

  private <T extends Reply> T expect(Reply reply, Class<T> type) throws ProtocolException, RefusedException {
    if (reply instanceof Reply.Failure f) {
      throw new RefusedException(f);
    }
    if (!type.isInstance(reply)) {
      throw new ProtocolException("vigild at " + socket + " answered " + reply.getClass().getSimpleName()
          + " where " + type.getSimpleName() + " was expected");
    }
    return type.cast(reply);
  }

  /** vigild refused a request; the failure says why. */
  public static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Reply.Failure failure;

    public RefusedException(Reply.Failure failure) {
      super(failure.message());
      this.failure = failure;
    }

    public Reply.Failure failure() {
      return failure;
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static void closeQuietly(SocketChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was sent on it
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }
}
