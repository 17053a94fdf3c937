package org.vigil.pe.render;

import java.util.List;

/**
 * A group (or one instance of a cloned group, id {@code grp:N}).
 *
 * @param managed the group itself is managed
 * @param disabled the group's target-role is Stopped
 */
public record GroupView(String id, List<PrimitiveView> members, boolean managed, boolean disabled)
    implements ResourceView {
  public GroupView {
    members = List.copyOf(members);
  }

  @Override
  public List<PrimitiveView> primitives() {
    return members;
  }
}
