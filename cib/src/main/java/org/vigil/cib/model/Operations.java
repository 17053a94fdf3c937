package org.vigil.cib.model;

import java.util.List;

/** A primitive's {@code <operations>} block (possibly a reference to another one). */
public record Operations(String id, String idRef, List<Op> ops, Extras extras) {
  public Operations {
    ops = List.copyOf(ops);
  }

  public static Operations of(List<Op> ops) {
    return new Operations(null, null, ops, Extras.NONE);
  }
}
