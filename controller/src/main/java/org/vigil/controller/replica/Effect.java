package org.vigil.controller.replica;

import java.util.Objects;
import org.vigil.cib.model.Cib;
import org.vigil.protocol.Reply;

/**
 * What {@link CibReplica} asks its runner to do. The runner stores the last {@link Persist} of a
 * batch before it sends anything of that batch, so no message ever announces a CIB that is not on
 * disk yet.
 */
public sealed interface Effect {

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
