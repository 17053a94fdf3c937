package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.List;
import org.vigil.cib.model.Role;
import org.vigil.pe.status.ResourceMeta;
import org.vigil.pe.status.ResourceState;

/**
 * A resource in the scheduler's working tree: a primitive instance, a group (or a cloned
 * group's instance), or a clone. Mutable during allocation and planning only.
 */
final class Rsc {
  enum Kind {
    PRIMITIVE,
    GROUP,
    CLONE
  }

  final String id;
  final Kind kind;
  final Rsc parent;
  final List<Rsc> children = new ArrayList<>();
  /** The primitive instance's status; null for groups and clones. */
  final ResourceState state;
  final ResourceMeta meta;
  /** Index in configuration order, for stable sorting. */
  final int order;

  /** A promotable clone (set once while building the model). */
  boolean promotable;

  final List<Coloc> asDependent = new ArrayList<>();
  final List<Coloc> asPrimary = new ArrayList<>();

  /** Node scores, indexed like the model's node list. */
  int[] weights;
  boolean assigning;
  boolean assigned;
  /** The chosen node index, -1 for none. */
  int node = -1;
  Role nextRole = Role.STOPPED;
  /** Why the resource cannot be placed anywhere (printed as a stop reason), or null. */
  String stopReason;
  /** The nodes where a failure with on-fail=block was recorded ({@link Model#blocked}), once known. */
  String[] blockingNodes;

  Rsc(String id, Kind kind, Rsc parent, ResourceState state, ResourceMeta meta, int order) {
    this.id = id;
    this.kind = kind;
    this.parent = parent;
    this.state = state;
    this.meta = meta;
    this.order = order;
  }

  boolean isPrimitive() {
    return kind == Kind.PRIMITIVE;
  }

  boolean isClone() {
    return kind == Kind.CLONE;
  }

  /** This resource's primitives, depth first. */
  List<Rsc> primitives() {
    List<Rsc> out = new ArrayList<>();
    collect(this, out);
    return out;
  }

  private static void collect(Rsc r, List<Rsc> out) {
    if (r.isPrimitive()) {
      out.add(r);
    } else {
      r.children.forEach(c -> collect(c, out));
    }
  }

  /** The top-level resource it belongs to. */
  Rsc top() {
    Rsc r = this;
    while (r.parent != null) {
      r = r.parent;
    }
    return r;
  }

  /** The clone this belongs to, or null. */
  Rsc enclosingClone() {
    for (Rsc r = parent; r != null; r = r.parent) {
      if (r.isClone()) {
        return r;
      }
    }
    return null;
  }

  /** An instance (or a member of an instance) of a promotable clone. */
  boolean inPromotable() {
    Rsc c = enclosingClone();
    return c != null && c.promotable;
  }

  /** A group whose members start one after the other (meta {@code ordered}, default true). */
  boolean orderedGroup() {
    return kind == Kind.GROUP && org.vigil.cib.values.Booleans.isTrue(meta.get("ordered").orElse(null), true);
  }

  /** A group whose members run with the member before them (meta {@code collocated}, default true). */
  boolean collocatedGroup() {
    return kind == Kind.GROUP && org.vigil.cib.values.Booleans.isTrue(meta.get("collocated").orElse(null), true);
  }

  @Override
  public String toString() {
    return id;
  }
}
