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

/**
 * A resource's histories by node, unmodifiable, in status order, with the nodes where it is
 * active worked out once: every stage asks for them, many times per resource.
 */
final class Histories extends AbstractMap<String, NodeHistory> {
  private final Map<String, NodeHistory> byNode;
  private final List<String> activeNodes;

  Histories(Map<String, NodeHistory> histories) {
    Map<String, NodeHistory> copy = new LinkedHashMap<>(Math.max(4, histories.size() * 4 / 3 + 1));
    copy.putAll(histories);
    this.byNode = Collections.unmodifiableMap(copy);
    List<String> active = new ArrayList<>(1);
    for (NodeHistory h : copy.values()) {
      if (h.active()) {
        active.add(h.node());
      }
    }
    this.activeNodes = Collections.unmodifiableList(active);
  }

  List<String> activeNodes() {
    return activeNodes;
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
