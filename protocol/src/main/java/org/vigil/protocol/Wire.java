package org.vigil.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.cib.model.CibVersion;

/**
 * The bytes of the client protocol. A frame is a 4-byte big-endian length and that many bytes
 * of message; a message starts with the protocol version and its kind, then its fields
 * (strings as a 4-byte length and UTF-8 bytes). Frames above {@link #MAX_FRAME} are refused
 * before their body is read, so a bad length cannot make either side allocate without bound.
 */
public final class Wire {
  /** Version of the message layout; a peer speaking another version gets a MALFORMED error. */
  public static final int VERSION = 1;
  /** Largest frame either side accepts (a CIB of some thousands of resources fits easily). */
  public static final int MAX_FRAME = 64 * 1024 * 1024;

  private static final int QUERY = 1;
  private static final int REPLACE = 2;
  private static final int UPDATE = 3;
  private static final int DELETE = 4;
  private static final int STATUS = 5;
  private static final int CIB_XML = 11;
  private static final int COMMITTED = 12;
  private static final int STATUS_REPLY = 13;
  private static final int FAILURE = 14;

  private Wire() {}

  // ---- frames ----------------------------------------------------------------------------

  /** Writes one frame and flushes. */
  public static void writeFrame(OutputStream out, byte[] message) throws IOException {
    if (message.length > MAX_FRAME) {
      throw new IOException("message of " + message.length + " bytes exceeds the frame limit of " + MAX_FRAME);
    }
    byte[] header = ByteBuffer.allocate(4).putInt(message.length).array();
    out.write(header);
    out.write(message);
    out.flush();
  }

  /**
   * Reads one frame; empty at a clean end of stream (the peer closed between frames).
   *
   * @throws ProtocolException for a length outside 1..MAX_FRAME or a stream that ends inside a frame
   */
  public static Optional<byte[]> readFrame(InputStream in) throws IOException, ProtocolException {
    byte[] header = new byte[4];
    int got = in.readNBytes(header, 0, 4);
    if (got == 0) {
      return Optional.empty();
    }
    if (got < 4) {
      throw new ProtocolException("connection closed inside a frame header");
    }
    int length = ByteBuffer.wrap(header).getInt();
    if (length < 1 || length > MAX_FRAME) {
      throw new ProtocolException("frame length " + Integer.toUnsignedString(length) + " is outside 1.." + MAX_FRAME);
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException("connection closed inside a frame (" + body.length + " of " + length + " bytes)");
    }
    return Optional.of(body);
  }

  // ---- requests --------------------------------------------------------------------------

  public static byte[] encode(Request request) {
    Out out = new Out();
    if (request instanceof Request.Query q) {
      out.header(QUERY).str(q.scope().name());
    } else if (request instanceof Request.Replace r) {
      out.header(REPLACE).str(r.scope().name()).str(r.expected().map(CibVersion::toString).orElse("")).str(r.xml());
    } else if (request instanceof Request.Update u) {
      out.header(UPDATE).str(u.xml());
    } else if (request instanceof Request.Delete d) {
      out.header(DELETE).str(d.id());
    } else if (request instanceof Request.Status) {
      out.header(STATUS);
    } else {
      throw new AssertionError(request);
    }
    return out.bytes();
  }

  public static Request decodeRequest(byte[] message) throws ProtocolException {
    In in = new In(message);
    int kind = in.header();
    Request r;
    try {
      r = switch (kind) {
        case QUERY -> new Request.Query(in.scope());
        case REPLACE -> {
          Scope scope = in.scope();
          String expected = in.str();
          yield new Request.Replace(scope, in.str(), expected.isEmpty() ? Optional.empty() : Optional.of(version(expected)));
        }
        case UPDATE -> new Request.Update(in.str());
        case DELETE -> new Request.Delete(in.str());
        case STATUS -> new Request.Status();
        default -> throw new ProtocolException("unknown request kind " + kind);
      };
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("bad request: " + e.getMessage());
    }
    in.end();
    return r;
  }

  // ---- replies ---------------------------------------------------------------------------

  public static byte[] encode(Reply reply) {
    Out out = new Out();
    if (reply instanceof Reply.CibXml c) {
      out.header(CIB_XML).str(c.version().toString()).str(c.xml());
    } else if (reply instanceof Reply.Committed c) {
      out.header(COMMITTED).str(c.version().toString());
    } else if (reply instanceof Reply.Status s) {
      ClusterStatus st = s.status();
      out.header(STATUS_REPLY).str(st.clusterName()).str(st.localNode()).str(st.dc().orElse(""))
          .bool(st.quorate()).str(st.ringId()).integer(st.nodes().size());
      for (ClusterStatus.NodeStatus n : st.nodes()) {
        out.str(n.name()).integer(n.id()).integer(n.votes()).bool(n.member());
      }
      out.str(st.cibVersion().toString()).str(st.cibDigest()).str(st.quorumReport());
    } else if (reply instanceof Reply.Failure f) {
      out.header(FAILURE).str(f.code().name()).str(f.message());
    } else {
      throw new AssertionError(reply);
    }
    return out.bytes();
  }

  public static Reply decodeReply(byte[] message) throws ProtocolException {
    In in = new In(message);
    int kind = in.header();
    Reply r;
    try {
      r = switch (kind) {
        case CIB_XML -> new Reply.CibXml(version(in.str()), in.str());
        case COMMITTED -> new Reply.Committed(version(in.str()));
        case STATUS_REPLY -> {
          String cluster = in.str();
          String local = in.str();
          String dc = in.str();
          boolean quorate = in.bool();
          String ring = in.str();
          int count = in.count();
          List<ClusterStatus.NodeStatus> nodes = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            nodes.add(new ClusterStatus.NodeStatus(in.str(), in.integer(), in.integer(), in.bool()));
          }
          yield new Reply.Status(new ClusterStatus(cluster, local, dc.isEmpty() ? Optional.empty() : Optional.of(dc),
              quorate, ring, nodes, version(in.str()), in.str(), in.str()));
        }
        case FAILURE -> new Reply.Failure(errorCode(in.str()), in.str());
        default -> throw new ProtocolException("unknown reply kind " + kind);
      };
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("bad reply: " + e.getMessage());
    }
    in.end();
    return r;
  }

  /** Parses "admin_epoch.epoch.num_updates". */
  public static CibVersion version(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("CIB version '" + text + "' is not admin_epoch.epoch.num_updates");
    }
    try {
      return new CibVersion(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("CIB version '" + text + "' is not admin_epoch.epoch.num_updates");
    }
  }

  private static ErrorCode errorCode(String name) {
    try {
      return ErrorCode.valueOf(name);
    } catch (IllegalArgumentException e) {
      return ErrorCode.INTERNAL;
    }
  }

  // ---- fields ----------------------------------------------------------------------------

  private static final class Out {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream data = new DataOutputStream(bytes);

    Out header(int kind) {
      return integerByte(VERSION).integerByte(kind);
    }

    private Out integerByte(int b) {
      try {
        data.writeByte(b);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      return this;
    }

    Out bool(boolean b) {
      return integerByte(b ? 1 : 0);
    }

    Out integer(int v) {
      try {
        data.writeInt(v);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      return this;
    }

    Out str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      integer(b.length);
      try {
        data.write(b);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      return this;
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }

  private static final class In {
    private final ByteBuffer buf;

    In(byte[] message) {
      this.buf = ByteBuffer.wrap(message);
    }

    int header() throws ProtocolException {
      int version = u8();
      if (version != VERSION) {
        throw new ProtocolException("protocol version " + version + " is not supported (this side speaks " + VERSION + ")");
      }
      return u8();
    }

    private int u8() throws ProtocolException {
      try {
        return buf.get() & 0xff;
      } catch (BufferUnderflowException e) {
        throw new ProtocolException("message ends early");
      }
    }

    boolean bool() throws ProtocolException {
      int b = u8();
      if (b > 1) {
        throw new ProtocolException("boolean field has value " + b);
      }
      return b == 1;
    }

    int integer() throws ProtocolException {
      try {
        return buf.getInt();
      } catch (BufferUnderflowException e) {
        throw new ProtocolException("message ends early");
      }
    }

    int count() throws ProtocolException {
      int n = integer();
      if (n < 0 || n > buf.remaining()) {
        throw new ProtocolException("list length " + n + " does not fit the message");
      }
      return n;
    }

    String str() throws ProtocolException {
      int n = integer();
      if (n < 0 || n > buf.remaining()) {
        throw new ProtocolException("string length " + n + " does not fit the message (" + buf.remaining() + " bytes left)");
      }
      ByteBuffer slice = buf.slice(buf.position(), n);
      buf.position(buf.position() + n);
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
      } catch (CharacterCodingException e) {
        throw new ProtocolException("string field is not valid UTF-8");
      }
    }

    Scope scope() throws ProtocolException {
      String name = str();
      try {
        return Scope.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new ProtocolException("unknown scope '" + name + "'");
      }
    }

    void end() throws ProtocolException {
      if (buf.hasRemaining()) {
        throw new ProtocolException(buf.remaining() + " unexpected bytes after the message");
      }
    }
  }
}
