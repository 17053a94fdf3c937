package org.vigil.controller;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.protocol.ErrorCode;
import org.vigil.protocol.ProtocolException;
import org.vigil.protocol.Reply;
import org.vigil.protocol.Request;
import org.vigil.protocol.Wire;

/**
 * The local socket crm talks to ({@code DATADIR/vigild.sock}, mode 0660): one thread per connection,
 * one request at a time on each. A request that does not decode gets a MALFORMED reply; a frame
 * whose length is bad ends the connection (the stream cannot be resynchronised), never the daemon.
 */
final class SocketServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SocketServer.class);

  private final Path path;
  private final BiFunction<Request, String, Reply> handler;
  private final ServerSocketChannel server;
  private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
  private final AtomicLong connectionCount = new AtomicLong();
  private volatile boolean closed;

  private SocketServer(Path path, BiFunction<Request, String, Reply> handler, ServerSocketChannel server) {
    this.path = path;
    this.handler = handler;
    this.server = server;
  }

  /**
   * Listens on {@code path}. A socket file left by a dead vigild is replaced; one that another
   * process still answers on is not.
   */
  static SocketServer start(Path path, BiFunction<Request, String, Reply> handler) throws IOException {
    if (Files.exists(path)) {
      try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        probe.connect(UnixDomainSocketAddress.of(path));
        throw new IOException("socket " + path + ": another vigild is listening on it");
      } catch (IOException e) {
        if (e.getMessage() != null && e.getMessage().contains("another vigild")) {
          throw e;
        }
        Files.delete(path);
      }
    }
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
    SocketServer s = new SocketServer(path, handler, server);
    Thread accept = new Thread(s::acceptLoop, "vigild-socket");
    accept.setDaemon(true);
    accept.start();
    return s;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        SocketChannel c = server.accept();
        connections.add(c);
        Thread t = new Thread(() -> serve(c), "vigild-client-" + connectionCount.incrementAndGet());
        t.setDaemon(true);
        t.start();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("local socket {}: accept failed: {}", path, e.getMessage());
        }
      }
    }
  }

  private void serve(SocketChannel c) {
    String user = peerUser(c);
    try (c) {
      InputStream in = new BufferedInputStream(Channels.newInputStream(c));
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(c));
      while (!closed) {
        Optional<byte[]> frame;
        try {
          frame = Wire.readFrame(in);
        } catch (ProtocolException e) {
          LOG.warn("local socket {}: dropping a client connection: {}", path, e.getMessage());
          Wire.writeFrame(out, Wire.encode(new Reply.Failure(ErrorCode.MALFORMED, e.getMessage())));
          return;
        }
        if (frame.isEmpty()) {
          return;
        }
        Reply reply;
        try {
          reply = handler.apply(Wire.decodeRequest(frame.get()), user);
        } catch (ProtocolException e) {
          LOG.warn("local socket {}: malformed request: {}", path, e.getMessage());
          reply = new Reply.Failure(ErrorCode.MALFORMED, "malformed request: " + e.getMessage());
        }
        Wire.writeFrame(out, Wire.encode(reply));
      }
    } catch (IOException e) {
      if (!closed) {
        LOG.debug("local socket {}: client connection ended: {}", path, e.getMessage());
      }
    } finally {
      connections.remove(c);
    }
  }

  /** The user of the process at the other end (SO_PEERCRED), or empty when the system does not say. */
  private static String peerUser(SocketChannel c) {
    try {
      return c.getOption(ExtendedSocketOptions.SO_PEERCRED).user().getName();
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      LOG.debug("closing {}: {}", path, e.getMessage());
    }
    for (SocketChannel c : connections) {
      try {
        c.close();
      } catch (IOException e) {
        LOG.debug("closing a client of {}: {}", path, e.getMessage());
      }
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("cannot remove socket {}: {}", path, e.getMessage());
    }
  }
}
