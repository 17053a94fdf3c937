package org.vigil.cib.model;

import java.util.List;
import java.util.Optional;

/**
 * A node's {@code node_state}: membership ({@code in_ccm}, {@code crmd}, {@code join},
 * {@code expected}; other attributes such as {@code shutdown} or {@code remote_node} in
 * extras), transient attributes and resource history.
 */
public record NodeState(
    String id,
    String uname,
    String inCcm,
    String crmd,
    String join,
    String expected,
    TransientAttributes transientAttributes,
    Lrm lrm,
    Extras extras) {

  public List<LrmResource> lrmResources() {
    return lrm == null ? List.of() : lrm.resources();
  }

  /** A transient attribute's value, first set that has it. */
  public Optional<String> transientAttribute(String name) {
    if (transientAttributes == null) {
      return Optional.empty();
    }
    for (NvSet s : transientAttributes.sets()) {
      Optional<String> v = s.get(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  public String attr(String name) {
    return extras.attr(name);
  }
}
