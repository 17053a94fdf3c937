package org.vigil.cib.model;

import java.util.List;

/** A {@code <tag>}: a name for a list of resources ({@code obj_ref}s). */
public record Tag(String id, List<String> refs, Extras extras) {
  public Tag {
    refs = List.copyOf(refs);
  }
}
