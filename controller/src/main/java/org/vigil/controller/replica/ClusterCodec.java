package org.vigil.controller.replica;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.vigil.cib.model.CibVersion;
import org.vigil.controller.dispatch.TransitionCodec;
import org.vigil.protocol.ProtocolException;
import org.vigil.protocol.Reply;
import org.vigil.protocol.Request;
import org.vigil.protocol.Wire;

/**
 * The bytes of {@link ClusterMessage}s: a magic byte, the layout version, the kind, then the
 * fields. Client requests and replies inside them use the client protocol's own encoding.
 * Anything that does not decode exactly is refused with {@link MalformedMessageException}.
 */
public final class ClusterCodec {
  private static final int MAGIC = 0xC1;
  private static final int VERSION = 1;

  private static final int ANNOUNCE = 1;
  private static final int SYNC = 2;
  private static final int FORWARD = 3;
  private static final int COMMIT = 4;
  private static final int ACK = 5;
  private static final int RESULT = 6;
  private static final int RESYNC = 7;
  private static final int SOLICIT = 8;
  private static final int DIGEST = 9;

  private static final int OP_CLIENT = 1;
  private static final int OP_MEMBERSHIP = 2;
  private static final int OP_STATUS = 3;

  private ClusterCodec() {}

  /** A cluster message that could not be decoded. */
  public static final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
      super(message);
    }
  }

  public static byte[] encode(ClusterMessage m) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    try {
      out.writeByte(MAGIC);
      out.writeByte(VERSION);
      if (m instanceof ClusterMessage.Announce a) {
        out.writeByte(ANNOUNCE);
        str(out, a.ringId());
        version(out, a.version());
        str(out, a.digest());
        str(out, a.cibXml());
      } else if (m instanceof ClusterMessage.Sync s) {
        out.writeByte(SYNC);
        str(out, s.ringId());
        str(out, s.cibXml());
      } else if (m instanceof ClusterMessage.Forward f) {
        out.writeByte(FORWARD);
        out.writeLong(f.requestId());
        op(out, f.op());
      } else if (m instanceof ClusterMessage.Commit c) {
        out.writeByte(COMMIT);
        version(out, c.base());
        out.writeInt(c.ops().size());
        for (CibOp op : c.ops()) {
          op(out, op);
        }
        version(out, c.version());
        str(out, c.digest());
      } else if (m instanceof ClusterMessage.Ack a) {
        out.writeByte(ACK);
        version(out, a.version());
      } else if (m instanceof ClusterMessage.Result r) {
        out.writeByte(RESULT);
        out.writeLong(r.requestId());
        blob(out, Wire.encode(r.reply()));
      } else if (m instanceof ClusterMessage.Resync r) {
        out.writeByte(RESYNC);
        version(out, r.version());
      } else if (m instanceof ClusterMessage.Solicit s) {
        out.writeByte(SOLICIT);
        str(out, s.ringId());
      } else if (m instanceof ClusterMessage.Digest d) {
        out.writeByte(DIGEST);
        str(out, d.ringId());
        version(out, d.version());
        str(out, d.digest());
      } else {
        throw new AssertionError(m);
      }
    } catch (IOException e) {
      throw new AssertionError("writing to memory", e);
    }
    return bytes.toByteArray();
  }

  public static ClusterMessage decode(byte[] bytes) throws MalformedMessageException {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      int magic = in.get() & 0xff;
      int version = in.get() & 0xff;
      if (magic != MAGIC || version != VERSION) {
        throw new MalformedMessageException(String.format("unknown header %02x %02x", magic, version));
      }
      int kind = in.get() & 0xff;
      ClusterMessage m = switch (kind) {
        case ANNOUNCE -> new ClusterMessage.Announce(str(in), version(in), str(in), str(in));
        case SYNC -> new ClusterMessage.Sync(str(in), str(in));
        case FORWARD -> new ClusterMessage.Forward(in.getLong(), op(in));
        case COMMIT -> {
          CibVersion base = version(in);
          int n = count(in);
          List<CibOp> ops = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            ops.add(op(in));
          }
          yield new ClusterMessage.Commit(base, ops, version(in), str(in));
        }
        case ACK -> new ClusterMessage.Ack(version(in));
        case RESULT -> new ClusterMessage.Result(in.getLong(), Wire.decodeReply(blob(in)));
        case RESYNC -> new ClusterMessage.Resync(version(in));
        case SOLICIT -> new ClusterMessage.Solicit(str(in));
        case DIGEST -> new ClusterMessage.Digest(str(in), version(in), str(in));
        default -> throw new MalformedMessageException("unknown message kind " + kind);
      };
      if (in.hasRemaining()) {
        throw new MalformedMessageException(in.remaining() + " unexpected bytes after the message");
      }
      return m;
    } catch (BufferUnderflowException e) {
      throw new MalformedMessageException("message ends early");
    } catch (ProtocolException | IllegalArgumentException e) {
      throw new MalformedMessageException(e.getMessage());
    }
  }

  private static void op(DataOutputStream out, CibOp op) throws IOException {
    if (op instanceof CibOp.Client c) {
      out.writeByte(OP_CLIENT);
      blob(out, Wire.encode(c.request()));
      str(out, c.stamp().user());
      str(out, c.stamp().client());
      str(out, c.stamp().origin());
      out.writeLong(c.stamp().epochSecond());
    } else if (op instanceof CibOp.MembershipStatus m) {
      out.writeByte(OP_MEMBERSHIP);
      str(out, m.dcId());
      out.writeBoolean(m.quorate());
      out.writeInt(m.nodes().size());
      for (CibOp.NodeEntry n : m.nodes()) {
        str(out, n.id());
        str(out, n.uname());
        out.writeBoolean(n.member());
        str(out, n.expected());
      }
    } else if (op instanceof CibOp.Status st) {
      out.writeByte(OP_STATUS);
      blob(out, TransitionCodec.encode(st.changes()));
    } else {
      throw new AssertionError(op);
    }
  }

  private static CibOp op(ByteBuffer in) throws MalformedMessageException, ProtocolException {
    int kind = in.get() & 0xff;
    if (kind == OP_CLIENT) {
      Request r = Wire.decodeRequest(blob(in));
      return new CibOp.Client(r, new CibOp.Stamp(str(in), str(in), str(in), in.getLong()));
    }
    if (kind == OP_MEMBERSHIP) {
      String dc = str(in);
      boolean quorate = bool(in);
      int n = count(in);
      List<CibOp.NodeEntry> nodes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        nodes.add(new CibOp.NodeEntry(str(in), str(in), bool(in), str(in)));
      }
      return new CibOp.MembershipStatus(dc, quorate, nodes);
    }
    if (kind == OP_STATUS) {
      try {
        return new CibOp.Status(TransitionCodec.decodeChanges(blob(in)));
      } catch (TransitionCodec.MalformedException e) {
        throw new MalformedMessageException("bad status update: " + e.getMessage());
      }
    }
    throw new MalformedMessageException("unknown operation kind " + kind);
  }

  private static void version(DataOutputStream out, CibVersion v) throws IOException {
    out.writeLong(v.adminEpoch());
    out.writeLong(v.epoch());
    out.writeLong(v.numUpdates());
  }

  private static CibVersion version(ByteBuffer in) {
    return new CibVersion(in.getLong(), in.getLong(), in.getLong());
  }

  private static void str(DataOutputStream out, String s) throws IOException {
    blob(out, s.getBytes(StandardCharsets.UTF_8));
  }

  private static void blob(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static boolean bool(ByteBuffer in) throws MalformedMessageException {
    int b = in.get();
    if (b != 0 && b != 1) {
      throw new MalformedMessageException("boolean field has value " + b);
    }
    return b == 1;
  }

  private static int count(ByteBuffer in) throws MalformedMessageException {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new MalformedMessageException("count " + n + " does not fit the message");
    }
    return n;
  }

  private static byte[] blob(ByteBuffer in) throws MalformedMessageException {
    int n = count(in);
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }

  private static String str(ByteBuffer in) throws MalformedMessageException {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(blob(in))).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedMessageException("string field is not valid UTF-8");
    }
  }
}
