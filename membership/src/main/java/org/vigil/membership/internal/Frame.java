package org.vigil.membership.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Vigil's envelope around a message: magic, version, kind, the recipient's node id (0 for everyone)
 * and the payload. Every message travels as a multicast so that all messages of one sender share one
 * FIFO order; recipients other than the addressed one ignore it.
 *
 * @param kind      application data, or the clean-leave announcement and its acknowledgement
 * @param recipient the addressed node id, or {@link #EVERYONE}
 * @param payload   the controller's bytes (empty for the other kinds)
 */
record Frame(Kind kind, int recipient, byte[] payload) {

    /** What a frame carries. */
    enum Kind { DATA, LEAVING, LEAVING_ACK }


    static final int EVERYONE = 0;
    static final byte MAGIC = 0x56; // 'V'
    static final byte VERSION = 1;
    static final int HEADER = 7;

    static Frame data(int recipient, byte[] payload) {
        return new Frame(Kind.DATA, recipient, payload);
    }

    byte[] encode() {
        return ByteBuffer.allocate(HEADER + payload.length).put(MAGIC).put(VERSION).put((byte) kind.ordinal())
                .putInt(recipient).put(payload).array();
    }

    /**
     * @throws MalformedFrameException naming what is wrong, when the bytes are not a frame
     */
    static Frame decode(byte[] bytes) throws MalformedFrameException {
        if (bytes.length < HEADER) {
            throw new MalformedFrameException("too short (" + bytes.length + " bytes, header needs " + HEADER + ")");
        }
        if (bytes[0] != MAGIC) {
            throw new MalformedFrameException(String.format("bad magic 0x%02x", bytes[0] & 0xff));
        }
        if (bytes[1] != VERSION) {
            throw new MalformedFrameException("unsupported frame version " + bytes[1]);
        }
        if (bytes[2] < 0 || bytes[2] >= Kind.values().length) {
            throw new MalformedFrameException("unknown frame kind " + bytes[2]);
        }
        int recipient = ByteBuffer.wrap(bytes, 3, 4).getInt();
        if (recipient < 0) {
            throw new MalformedFrameException("negative recipient id " + recipient);
        }
        return new Frame(Kind.values()[bytes[2]], recipient, Arrays.copyOfRange(bytes, HEADER, bytes.length));
    }

    boolean isFor(int nodeId) {
        return recipient == EVERYONE || recipient == nodeId;
    }

    /** The bytes did not parse as a frame. */
    static final class MalformedFrameException extends Exception {
        MalformedFrameException(String message) {
            super(message);
        }
    }
}
