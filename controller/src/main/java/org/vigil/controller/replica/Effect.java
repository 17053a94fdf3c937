package org.vigil.controller.replica;

import java.util.Objects;
import java.util.Optional;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.CibVersion;
import org.vigil.protocol.Reply;

/**
 * What {@link CibReplica} asks its runner to do. An effect with a {@link #storedVersionNeeded()} (an
 * acknowledgement, a "committed" answer) may only happen once the node has stored a CIB of at least
 * that version: it never gets ahead of the disk. Other messages (the DC's commit itself) may leave at
 * once, so that the DC and the members write to disk at the same time.
 */
public sealed interface Effect {

  /** The CIB version this node must have stored before the effect may happen, if any. */
  default Optional<CibVersion> storedVersionNeeded() {
    if (this instanceof Respond r && r.reply() instanceof Reply.Committed c) {
      return Optional.of(c.version());
    }
    if (this instanceof Send s) {
      if (s.message() instanceof ClusterMessage.Ack a) {
        return Optional.of(a.version());
      }
      if (s.message() instanceof ClusterMessage.Result r && r.reply() instanceof Reply.Committed c) {
        return Optional.of(c.version());
      }
    }
    return Optional.empty();
  }

  /** Store this CIB durably (it replaces the stored one). */
  record Persist(Cib cib, String xml) implements Effect {
    public Persist {
      Objects.requireNonNull(cib, "cib");
      Objects.requireNonNull(xml, "xml");
    }
  }

  /** Send to one member. */
  record Send(String to, ClusterMessage message) implements Effect {
    public Send {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Send to every member of the partition, this node included. */
  record Broadcast(ClusterMessage message) implements Effect {
    public Broadcast {
      Objects.requireNonNull(message, "message");
    }
  }

  /** Answer the local client request {@code clientId}. */
  record Respond(long clientId, Reply reply) implements Effect {
    public Respond {
      Objects.requireNonNull(reply, "reply");
    }
  }

  /** Something the operator should read in the log. */
  record Notice(Level level, String text) implements Effect {
    public Notice {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(text, "text");
    }

    public enum Level { INFO, WARN }
  }
}
