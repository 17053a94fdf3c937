package org.vigil.protocol;

import java.util.Objects;
import java.util.Optional;
import org.vigil.cib.model.CibVersion;

/** What {@code crm} asks its node's vigild. Writes go through the DC; queries are answered locally. */
public sealed interface Request {

  /** The CIB, or one section of it, as XML. */
  record Query(Scope scope) implements Request {
    public Query {
      Objects.requireNonNull(scope, "scope");
    }
  }

  /**
   * Replaces the whole CIB or its configuration with {@code xml}. With {@code expected}, the
   * write is refused unless the cluster's CIB still has that version (nobody wrote since it was
   * read). The DC sets the new version: epoch up when the configuration changed, num_updates up
   * otherwise.
   */
  record Replace(Scope scope, String xml, Optional<CibVersion> expected) implements Request {
    public Replace {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(xml, "xml");
      Objects.requireNonNull(expected, "expected");
      if (scope == Scope.STATUS) {
        throw new IllegalArgumentException("replace covers the cib or its configuration, not the status alone");
      }
    }
  }

  /**
   * Merges {@code xml} into the CIB: a {@code <configuration>} (or {@code <cib>}) is merged object
   * by object as {@code crm configure load update} does; {@code <status>} or {@code <node_state>}
   * replaces the node states with the same id.
   */
  record Update(String xml) implements Request {
    public Update {
      Objects.requireNonNull(xml, "xml");
    }
  }

  /** Removes the configuration object with this id (a resource, constraint, node...). */
  record Delete(String id) implements Request {
    public Delete {
      Objects.requireNonNull(id, "id");
    }
  }

  /** The node's view of the cluster: membership, DC, quorum. */
  record Status() implements Request {}
}
