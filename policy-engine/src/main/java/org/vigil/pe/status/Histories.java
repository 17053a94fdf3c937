package org.vigil.pe.status;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.vigil.cib.model.Role;

/**
 * A resource's histories by node, unmodifiable, in status order, with the nodes where it is
 * active and the on-fail values of its failures worked out once: every stage asks for them,
 * many times per resource.
 */
final class Histories extends AbstractMap<String, NodeHistory> {
  private final Map<String, NodeHistory> byNode;
  private final List<String> activeNodes;
  /** The {@link OnFail} values of the histories, a bit per ordinal ({@link OnFail#NONE} left out). */
  private final int onFails;
  private final Role role;
  private final String pendingTask;

  private Histories(Map<String, NodeHistory> byNode) {
    this.byNode = Collections.unmodifiableMap(byNode);
    List<String> active = Collections.emptyList();
    int seen = 0;
    Role best = Role.STOPPED;
    String pending = null;
    for (NodeHistory h : byNode.values()) {
      if (h.active()) {
        active = withNode(active, h.node());
        best = higher(best, h.role());
      }
      seen |= bit(h.onFail());
      pending = pending == null ? h.pendingTask() : pending;
    }
    this.activeNodes = active;
    this.onFails = seen;
    this.role = best;
    this.pendingTask = pending;
  }

  /** The higher of {@code best} and the role of an active history (Started when it says nothing more). */
  private static Role higher(Role best, Role active) {
    Role r = active == Role.UNKNOWN || active == Role.STOPPED ? Role.STARTED : active;
    return rank(r) > rank(best) ? r : best;
  }

  private static int rank(Role r) {
    return switch (r) {
      case STOPPED, UNKNOWN -> 0;
      case STARTED -> 1;
      case UNPROMOTED -> 2;
      case PROMOTED -> 3;
    };
  }

  /** {@code histories}, copied unless they are already a {@link Histories}. */
  static Histories of(Map<String, NodeHistory> histories) {
    if (histories instanceof Histories h) {
      return h;
    }
    Map<String, NodeHistory> copy = new LinkedHashMap<>(Math.max(4, histories.size() * 4 / 3 + 1));
    copy.putAll(histories);
    return new Histories(copy);
  }

  /** The histories in {@code byNode}, which the caller hands over: it never changes them afterwards. */
  static Histories owning(Map<String, NodeHistory> byNode) {
    return new Histories(byNode);
  }

  // most resources are active on one node at most
  private static List<String> withNode(List<String> active, String node) {
    if (active.isEmpty()) {
      return Collections.singletonList(node);
    }
    List<String> more = new ArrayList<>(active);
    more.add(node);
    return Collections.unmodifiableList(more);
  }

  private static int bit(OnFail f) {
    return f == OnFail.NONE ? 0 : 1 << f.ordinal();
  }

  List<String> activeNodes() {
    return activeNodes;
  }

  /** The highest role among the active histories, else Stopped. */
  Role role() {
    return role;
  }

  /** The first history's operation in flight, or null. */
  String pendingTask() {
    return pendingTask;
  }

  /** Whether some history's on-fail is {@code f}. */
  boolean anyOnFail(OnFail f) {
    return (onFails & bit(f)) != 0;
  }

  /** Whether some history has an on-fail at all (a failure, ignored or not). */
  boolean anyOnFail() {
    return onFails != 0;
  }

  /** Whether some history records a failure that is not ignored. */
  boolean anyFailed() {
    return (onFails & ~(bit(OnFail.IGNORE))) != 0;
  }

  @Override
  public NodeHistory get(Object node) {
    return byNode.get(node);
  }

  @Override
  public boolean containsKey(Object node) {
    return byNode.containsKey(node);
  }

  @Override
  public int size() {
    return byNode.size();
  }

  @Override
  public boolean isEmpty() {
    return byNode.isEmpty();
  }

  @Override
  public Set<String> keySet() {
    return byNode.keySet();
  }

  @Override
  public Collection<NodeHistory> values() {
    return byNode.values();
  }

  @Override
  public Set<Entry<String, NodeHistory>> entrySet() {
    return byNode.entrySet();
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super NodeHistory> action) {
    byNode.forEach(action);
  }
}
