package org.vigil.controller.replica;

import java.util.List;
import java.util.Objects;
import org.vigil.cib.model.CibVersion;
import org.vigil.protocol.Reply;

/** What vigild nodes tell each other about the CIB. */
public sealed interface ClusterMessage {

  /** A member's CIB, sent to the DC of each new membership so that it can pick the one to keep. */
  record Announce(String ringId, CibVersion version, String digest, String cibXml) implements ClusterMessage {
    public Announce {
      Objects.requireNonNull(ringId, "ringId");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(cibXml, "cibXml");
    }
  }

  /** The DC's CIB: every member that holds another one adopts it. */
  record Sync(String ringId, String cibXml) implements ClusterMessage {
    public Sync {
      Objects.requireNonNull(ringId, "ringId");
      Objects.requireNonNull(cibXml, "cibXml");
    }
  }

  /** A client's write, sent by the member it reached to the DC. */
  record Forward(long requestId, CibOp op) implements ClusterMessage {
    public Forward {
      Objects.requireNonNull(op, "op");
    }
  }

  /**
   * A batch of writes the DC applied, in order, to the CIB of version {@code base}, giving
   * {@code version} whose XML has SHA-256 {@code digest}.
   */
  record Commit(CibVersion base, List<CibOp> ops, CibVersion version, String digest) implements ClusterMessage {
    public Commit {
      Objects.requireNonNull(base, "base");
      ops = List.copyOf(ops);
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(digest, "digest");
    }
  }

  /** A member holds (and has stored) the CIB of this version. */
  record Ack(CibVersion version) implements ClusterMessage {
    public Ack {
      Objects.requireNonNull(version, "version");
    }
  }

  /** The outcome of a forwarded write, for the member that forwarded it. */
  record Result(long requestId, Reply reply) implements ClusterMessage {
    public Result {
      Objects.requireNonNull(reply, "reply");
      if (!(reply instanceof Reply.Committed) && !(reply instanceof Reply.Failure)) {
        throw new IllegalArgumentException("a write's result is Committed or Failure, not " + reply);
      }
    }
  }

  /** A member could not apply a commit (its CIB differs): the DC sends it a {@link Sync}. */
  record Resync(CibVersion version) implements ClusterMessage {
    public Resync {
      Objects.requireNonNull(version, "version");
    }
  }

  /** The DC asks the members of its membership for their {@link Announce} again (one was lost or early). */
  record Solicit(String ringId) implements ClusterMessage {
    public Solicit {
      Objects.requireNonNull(ringId, "ringId");
    }
  }

  /**
   * The DC's CIB version and digest, sent now and then: a member whose CIB differs asks for the whole
   * one, so a missed message cannot leave it behind for long.
   */
  record Digest(String ringId, CibVersion version, String digest) implements ClusterMessage {
    public Digest {
      Objects.requireNonNull(ringId, "ringId");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(digest, "digest");
    }
  }
}
