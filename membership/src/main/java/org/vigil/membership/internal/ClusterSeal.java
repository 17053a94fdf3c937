package org.vigil.membership.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.Event;
import org.jgroups.Message;
import org.jgroups.MessageFactory;
import org.jgroups.PhysicalAddress;
import org.jgroups.View;
import org.jgroups.stack.Protocol;
import org.jgroups.util.ByteArrayDataInputStream;
import org.jgroups.util.ByteArrayDataOutputStream;
import org.jgroups.util.MessageBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates and encrypts every message of the stack with AES-256-GCM, keyed from the cluster key
 * file. It sits directly above the transport, so discovery, heartbeats, joins, views and application
 * messages are all sealed: a process without the key can neither read nor inject anything, and so can
 * neither be discovered nor join.
 *
 * <p>Why not JGroups' own SYM_ENCRYPT: it encrypts only the payload (headers travel in clear and
 * unauthenticated) and its default AES/CBC gives no integrity; with a wrong key a message decrypts to
 * garbage instead of being refused.
 *
 * <p>Wire format of a sealed message's payload: version (1 byte), session id (16 random bytes chosen
 * when this stack starts), stream (4 bytes), counter (8 bytes), then the GCM ciphertext of the whole
 * inner message (type, flags, addresses, headers, payload) with its 16-byte tag. Each session has its
 * own key, HMAC-SHA256(cluster key, session id), and stream plus counter are the nonce, so a (key,
 * nonce) pair never repeats. Everything before the ciphertext and the cluster name are authenticated as
 * associated data. The receiver refuses a counter it has already accepted in that session and stream (a
 * replay), and uses the authenticated inner source address, never the transport's.
 *
 * <p>Streams: messages overtake each other by thousands between JGroups' queues: the transport bundles
 * per destination, sends "don't bundle" messages directly, and the receiver runs out-of-band messages
 * (acknowledgements, credits, heartbeats) on other threads than the in-order regular ones. So each
 * (destination, out-of-band, don't-bundle) combination is a stream with its own counter and replay
 * window, and a window only has to absorb the small reordering between sending threads.
 */
public final class ClusterSeal extends Protocol {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSeal.class);
    private static final byte VERSION = 1;
    private static final int SESSION_ID = 16;
    private static final int TAG_BITS = 128;
    private static final int OVERHEAD = 1 + SESSION_ID + 4 + 8;
    private static final int MAX_SESSIONS = 1024;
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final byte[] masterKey;
    private final byte[] aad;
    private final byte[] sessionId = new byte[SESSION_ID];
    private final SecretKeySpec sendKey;
    private final Map<StreamKey, Stream> streams = new ConcurrentHashMap<>();
    private final AtomicInteger nextStream = new AtomicInteger();
    private final Map<String, SecretKeySpec> receiveKeys = Collections.synchronizedMap(lru());
    private final Map<String, ReplayWindow> windows = Collections.synchronizedMap(lru());
    private final AtomicLong rejected = new AtomicLong();
    private final Map<String, Long> lastLogged = Collections.synchronizedMap(lru());
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(ClusterSeal::newCipher);

    /**
     * @param masterKey   32 bytes derived from the cluster key for this purpose
     * @param clusterName bound into every message, so a key shared by two clusters does not mix them
     */
    public ClusterSeal(byte[] masterKey, String clusterName) {
        this.masterKey = masterKey.clone();
        this.aad = clusterName.getBytes(StandardCharsets.UTF_8);
        new SecureRandom().nextBytes(sessionId);
        this.sendKey = sessionKey(sessionId);
    }

    /** Messages refused so far: wrong key, tampered, replayed or truncated. */
    public long rejectedCount() {
        return rejected.get();
    }

    @Override
    public Object down(Message msg) {
        if (msg.getSrc() == null) {
            msg.setSrc(getTransport().addr());
        }
        try {
            return down_prot.down(seal(msg));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a message to " + msg.getDest(), e);
        }
    }

    /** Forgets the send streams to members that left, so the table stays as small as the membership. */
    @Override
    public Object down(Event evt) {
        if (evt.getType() == Event.VIEW_CHANGE) {
            View view = evt.getArg();
            streams.keySet().removeIf(k -> k.dest() != null && !(k.dest() instanceof PhysicalAddress)
                    && !view.containsMember(k.dest()));
        }
        return down_prot.down(evt);
    }

    @Override
    public Object up(Message msg) {
        Message inner = unseal(msg);
        return inner == null ? null : up_prot.up(inner);
    }

    @Override
    public void up(MessageBatch batch) {
        List<Message> opened = new ArrayList<>(batch.size());
        for (Message msg : batch) {
            Message inner = unseal(msg);
            if (inner != null) {
                opened.add(inner);
            }
        }
        batch.clear();
        if (!opened.isEmpty()) {
            batch.add(opened);
            up_prot.up(batch);
        }
    }

    Message seal(Message msg) throws IOException, GeneralSecurityException {
        ByteArrayDataOutputStream plain = new ByteArrayDataOutputStream(msg.size() + 16);
        plain.writeShort(msg.getType());
        msg.writeTo(plain);
        Stream stream = streams.computeIfAbsent(new StreamKey(msg.getDest(), msg.isFlagSet(Message.Flag.OOB),
                msg.isFlagSet(Message.Flag.DONT_BUNDLE)), k -> new Stream(nextStream.getAndIncrement()));
        long counter = stream.counter.getAndIncrement();
        byte[] out = new byte[OVERHEAD + plain.position() + TAG_BITS / 8];
        ByteBuffer.wrap(out).put(VERSION).put(sessionId).putInt(stream.id).putLong(counter);
        Cipher cipher = ciphers.get();
        cipher.init(Cipher.ENCRYPT_MODE, sendKey, nonce(stream.id, counter));
        cipher.updateAAD(out, 0, OVERHEAD);
        cipher.updateAAD(aad);
        cipher.doFinal(plain.buffer(), 0, plain.position(), out, OVERHEAD);
        Message sealed = new BytesMessage(msg.getDest(), out).setSrc(msg.getSrc());
        for (Message.Flag flag : Message.Flag.values()) {
            if (msg.isFlagSet(flag)) {
                sealed.setFlag(flag);
            }
        }
        for (Message.TransientFlag flag : Message.TransientFlag.values()) {
            if (msg.isFlagSet(flag)) {
                sealed.setFlag(flag);
            }
        }
        return sealed;
    }

    /** The inner message, or null (after counting and logging) when the message must be refused. */
    Message unseal(Message msg) {
        Address from = msg.getSrc();
        if (!msg.hasArray() || msg.getLength() < OVERHEAD + TAG_BITS / 8) {
            return refuse(from, "too short to be sealed");
        }
        byte[] buf = msg.getArray();
        int off = msg.getOffset();
        int len = msg.getLength();
        ByteBuffer head = ByteBuffer.wrap(buf, off, OVERHEAD);
        if (head.get() != VERSION) {
            return refuse(from, "unknown seal version");
        }
        byte[] session = new byte[SESSION_ID];
        head.get(session);
        int streamId = head.getInt();
        long counter = head.getLong();
        String sessionHex = HexFormat.of().formatHex(session);
        byte[] plain;
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, receiveKeys.computeIfAbsent(sessionHex, h -> sessionKey(session)),
                    nonce(streamId, counter));
            cipher.updateAAD(buf, off, OVERHEAD);
            cipher.updateAAD(aad);
            plain = cipher.doFinal(buf, off + OVERHEAD, len - OVERHEAD);
        } catch (AEADBadTagException e) {
            return refuse(from, "authentication failed (wrong cluster key, other cluster, or tampered)");
        } catch (GeneralSecurityException e) {
            return refuse(from, "cannot decrypt: " + e.getMessage());
        }
        if (!windows.computeIfAbsent(sessionHex + ":" + streamId, h -> new ReplayWindow()).accept(counter)) {
            return refuse(from, "replayed or too old (stream " + streamId + ", counter " + counter + ")");
        }
        try {
            ByteArrayDataInputStream in = new ByteArrayDataInputStream(plain);
            Message inner = MessageFactory.create(in.readShort());
            inner.readFrom(in);
            if (inner.getSrc() == null) {
                return refuse(from, "authenticated message without a source address");
            }
            return inner;
        } catch (Exception e) {
            // Authentic but unreadable: a member with the key sent something this version cannot parse.
            return refuse(from, "authenticated but unreadable inner message: " + e);
        }
    }

    private Message refuse(Address from, String why) {
        long count = rejected.incrementAndGet();
        String source = describe(from);
        long now = System.nanoTime();
        Long last = lastLogged.get(source);
        if (last == null || now - last > LOG_EVERY_NANOS) {
            lastLogged.put(source, now);
            LOG.warn("Refused cluster message from {}: {} ({} refused in total; further refusals from it are"
                    + " logged every {} s)", source, why, count, LOG_EVERY_NANOS / 1_000_000_000L);
        }
        return null;
    }

    private String describe(Address from) {
        if (from == null) {
            return "an unknown sender";
        }
        Object physical = down_prot == null ? null : getTransport().getPhysicalAddressFromCache(from);
        return physical == null ? from.toString() : from + " at " + physical;
    }

    private SecretKeySpec sessionKey(byte[] session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(session), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static GCMParameterSpec nonce(int streamId, long counter) {
        return new GCMParameterSpec(TAG_BITS, ByteBuffer.allocate(12).putInt(streamId).putLong(counter).array());
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is required by every Java platform", e);
        }
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_SESSIONS;
            }
        };
    }

    /** Messages that travel through one queue of the transport: one destination (null: everyone), one kind. */
    private record StreamKey(Address dest, boolean outOfBand, boolean dontBundle) {
    }

    private static final class Stream {
        final int id;
        final AtomicLong counter = new AtomicLong();

        Stream(int id) {
            this.id = id;
        }
    }
}
