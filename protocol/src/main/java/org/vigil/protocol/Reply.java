package org.vigil.protocol;

import java.util.Objects;
import org.vigil.cib.model.CibVersion;

/** vigild's answer to one {@link Request}. */
public sealed interface Reply {

  /** A query's result. */
  record CibXml(CibVersion version, String xml) implements Reply {
    public CibXml {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(xml, "xml");
    }
  }

  /** A write was committed on every member; the CIB now has {@code version}. */
  record Committed(CibVersion version) implements Reply {
    public Committed {
      Objects.requireNonNull(version, "version");
    }
  }

  /** The answer to {@link Request.Status}. */
  record Status(ClusterStatus status) implements Reply {
    public Status {
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * The request was refused; nothing was changed.
   *
   * @param message what was wrong and where, as the operator should read it
   */
  record Failure(ErrorCode code, String message) implements Reply {
    public Failure {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
