package org.vigil.controller.replica;

import java.util.Objects;
import org.vigil.cib.model.Cib;
import org.vigil.protocol.Reply;

/**
 * What {@link CibReplica} asks its runner to do. The runner stores the last {@link Persist} of a
 * batch before it carries out any effect that {@link #needsStoredCib()}: an acknowledgement or an
 * answer to a client never gets ahead of the disk. Other messages (the DC's commit itself) may
 * leave first, so that the DC and the members write to disk at the same time.
 */
public sealed interface Effect {

  /** Whether this effect may only happen once the batch's CIB is stored. */
  default boolean needsStoredCib() {
    return this instanceof Respond
        || this instanceof Send s && (s.message() instanceof ClusterMessage.Ack
            || s.message() instanceof ClusterMessage.Result);
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
