package org.vigil.controller.dispatch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.controller.transition.ActionOutcome;
import org.vigil.controller.transition.ActionReport;
import org.vigil.controller.transition.ActionResult;
import org.vigil.controller.transition.ExecutedOperation;
import org.vigil.controller.transition.StatusChange;
import org.vigil.controller.transition.TransitionKey;

/**
 * The bytes of what the DC and the nodes exchange about actions: {@link RunRequest}s to a
 * node, {@link ActionReport}s back, and {@link StatusChange}s inside the replicated CIB's
 * commits. Each starts with a magic byte and a layout version; anything that does not decode
 * exactly is refused with {@link MalformedException}.
 */
public final class TransitionCodec {
  private static final int MAGIC = 0xA7;
  private static final int VERSION = 1;
  private static final int RUN = 1;
  private static final int REPORT = 2;
  private static final int CHANGES = 3;

  private static final int COMPLETED = 1;
  private static final int FAILED = 2;
  private static final int TIMED_OUT = 3;

  private static final int RECORDED = 1;
  private static final int CANCELLED = 2;
  private static final int CLEARED = 3;
  private static final int FORGOTTEN = 4;
  private static final int FENCED = 5;
  private static final int JOINED = 6;

  private TransitionCodec() {}

  /** Bytes that are not an encoding of what was expected. */
  public static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  @FunctionalInterface
  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  @FunctionalInterface
  private interface Reader<T> {
    T read(DataInputStream in) throws IOException, MalformedException;
  }

  /** Whether {@code bytes} are one of these messages (and not, say, a CIB replication message). */
  public static boolean isTransitionMessage(byte[] bytes) {
    return bytes.length >= 3 && (bytes[0] & 0xff) == MAGIC;
  }

  /** Whether {@code bytes} are a {@link RunRequest} (else, among these messages, a report). */
  public static boolean isRunRequest(byte[] bytes) {
    return isTransitionMessage(bytes) && bytes[2] == RUN;
  }

  public static byte[] encode(RunRequest r) {
    return encode(RUN, out -> {
      out.writeInt(r.actionId());
      operation(out, r.op());
      key(out, r.key());
    });
  }

  public static RunRequest decodeRun(byte[] bytes) throws MalformedException {
    return decode(bytes, RUN, in -> new RunRequest(in.readInt(), operation(in), key(in)));
  }

  public static byte[] encode(ActionReport r) {
    return encode(REPORT, out -> {
      key(out, r.key());
      outcome(out, r.result().outcome());
      changes(out, r.result().statusChanges());
    });
  }

  public static ActionReport decodeReport(byte[] bytes) throws MalformedException {
    return decode(bytes, REPORT, in -> new ActionReport(key(in), new ActionResult(outcome(in), changes(in))));
  }

  public static byte[] encode(List<StatusChange> changes) {
    return encode(CHANGES, out -> changes(out, changes));
  }

  public static List<StatusChange> decodeChanges(byte[] bytes) throws MalformedException {
    return decode(bytes, CHANGES, TransitionCodec::changes);
  }

  private static byte[] encode(int kind, Writer body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(MAGIC);
      out.writeByte(VERSION);
      out.writeByte(kind);
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory", e);
    }
    return bytes.toByteArray();
  }

  private static <T> T decode(byte[] bytes, int kind, Reader<T> body) throws MalformedException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readUnsignedByte() != MAGIC || in.readUnsignedByte() != VERSION) {
        throw new MalformedException("not a transition message of layout " + VERSION);
      }
      int k = in.readUnsignedByte();
      if (k != kind) {
        throw new MalformedException("expected a message of kind " + kind + ", got " + k);
      }
      T value = body.read(in);
      if (in.available() > 0) {
        throw new MalformedException(in.available() + " bytes left after the message");
      }
      return value;
    } catch (EOFException e) {
      throw new MalformedException("message cut short");
    } catch (IOException | RuntimeException e) {
      throw new MalformedException("bad message: " + e.getMessage());
    }
  }

  private static void key(DataOutputStream out, TransitionKey k) throws IOException {
    out.writeInt(k.actionId());
    out.writeInt(k.transitionId());
    out.writeInt(k.targetRc());
    out.writeUTF(k.uuid());
  }

  private static TransitionKey key(DataInputStream in) throws IOException {
    return new TransitionKey(in.readInt(), in.readInt(), in.readInt(), in.readUTF());
  }

  private static void operation(DataOutputStream out, PlannedOperation op) throws IOException {
    out.writeUTF(op.resourceId());
    out.writeUTF(op.resourceClass());
    nullable(out, op.provider());
    out.writeUTF(op.type());
    out.writeUTF(op.task());
    out.writeLong(op.intervalMs());
    out.writeLong(op.timeoutMs());
    map(out, op.params());
    map(out, op.meta());
  }

  private static PlannedOperation operation(DataInputStream in) throws IOException, MalformedException {
    return new PlannedOperation(in.readUTF(), in.readUTF(), nullable(in), in.readUTF(), in.readUTF(), in.readLong(),
        in.readLong(), map(in), map(in));
  }

  private static void outcome(DataOutputStream out, ActionOutcome o) throws IOException {
    if (o instanceof ActionOutcome.Completed c) {
      out.writeByte(COMPLETED);
      out.writeInt(c.actionId());
      out.writeInt(c.rc());
    } else if (o instanceof ActionOutcome.Failed f) {
      out.writeByte(FAILED);
      out.writeInt(f.actionId());
      out.writeInt(f.rc());
      out.writeUTF(f.reason());
    } else if (o instanceof ActionOutcome.TimedOut t) {
      out.writeByte(TIMED_OUT);
      out.writeInt(t.actionId());
    } else {
      throw new AssertionError(o);
    }
  }

  private static ActionOutcome outcome(DataInputStream in) throws IOException, MalformedException {
    int kind = in.readUnsignedByte();
    return switch (kind) {
      case COMPLETED -> new ActionOutcome.Completed(in.readInt(), in.readInt());
      case FAILED -> new ActionOutcome.Failed(in.readInt(), in.readInt(), in.readUTF());
      case TIMED_OUT -> new ActionOutcome.TimedOut(in.readInt());
      default -> throw new MalformedException("unknown outcome kind " + kind);
    };
  }

  private static void changes(DataOutputStream out, List<StatusChange> changes) throws IOException {
    out.writeInt(changes.size());
    for (StatusChange c : changes) {
      if (c instanceof StatusChange.OperationRecorded r) {
        out.writeByte(RECORDED);
        executed(out, r.operation());
      } else if (c instanceof StatusChange.RecurringCancelled r) {
        out.writeByte(CANCELLED);
        out.writeUTF(r.node());
        out.writeUTF(r.resource());
        out.writeUTF(r.task());
        out.writeLong(r.intervalMs());
      } else if (c instanceof StatusChange.FailuresCleared f) {
        out.writeByte(CLEARED);
        out.writeUTF(f.node());
        out.writeUTF(f.resource());
      } else if (c instanceof StatusChange.HistoryForgotten h) {
        out.writeByte(FORGOTTEN);
        out.writeUTF(h.node());
        out.writeUTF(h.resource());
      } else if (c instanceof StatusChange.NodeFenced n) {
        out.writeByte(FENCED);
        out.writeUTF(n.node());
      } else if (c instanceof StatusChange.NodeJoined j) {
        out.writeByte(JOINED);
        out.writeUTF(j.node());
      } else {
        throw new AssertionError(c);
      }
    }
  }

  private static List<StatusChange> changes(DataInputStream in) throws IOException, MalformedException {
    int n = count(in);
    List<StatusChange> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int kind = in.readUnsignedByte();
      out.add(switch (kind) {
        case RECORDED -> new StatusChange.OperationRecorded(executed(in));
        case CANCELLED -> new StatusChange.RecurringCancelled(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong());
        case CLEARED -> new StatusChange.FailuresCleared(in.readUTF(), in.readUTF());
        case FORGOTTEN -> new StatusChange.HistoryForgotten(in.readUTF(), in.readUTF());
        case FENCED -> new StatusChange.NodeFenced(in.readUTF());
        case JOINED -> new StatusChange.NodeJoined(in.readUTF());
        default -> throw new MalformedException("unknown status change kind " + kind);
      });
    }
    return out;
  }

  private static void executed(DataOutputStream out, ExecutedOperation e) throws IOException {
    out.writeUTF(e.node());
    out.writeUTF(e.resource());
    out.writeUTF(e.resourceClass());
    nullable(out, e.provider());
    out.writeUTF(e.type());
    out.writeUTF(e.task());
    out.writeLong(e.intervalMs());
    out.writeInt(e.rc());
    out.writeInt(e.opStatus());
    nullable(out, e.exitReason());
    out.writeInt(e.callId());
    out.writeLong(e.runAt());
    out.writeLong(e.execTimeMs());
    out.writeLong(e.queueTimeMs());
    out.writeUTF(e.opDigest());
    key(out, e.key());
  }

  private static ExecutedOperation executed(DataInputStream in) throws IOException {
    return new ExecutedOperation(in.readUTF(), in.readUTF(), in.readUTF(), nullable(in), in.readUTF(), in.readUTF(),
        in.readLong(), in.readInt(), in.readInt(), nullable(in), in.readInt(), in.readLong(), in.readLong(),
        in.readLong(), in.readUTF(), key(in));
  }

  private static void map(DataOutputStream out, Map<String, String> m) throws IOException {
    out.writeInt(m.size());
    for (Map.Entry<String, String> e : m.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
  }

  private static Map<String, String> map(DataInputStream in) throws IOException, MalformedException {
    int n = count(in);
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(in.readUTF(), in.readUTF());
    }
    return m;
  }

  private static int count(DataInputStream in) throws IOException, MalformedException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new MalformedException("bad count " + n);
    }
    return n;
  }

  private static void nullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String nullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
