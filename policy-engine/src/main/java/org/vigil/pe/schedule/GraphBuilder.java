package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigil.pe.GraphAction;

/**
 * The transition graph: the actions that will execute, with their predecessors among them,
 * numbered and listed in a topological order (ties broken by creation order).
 */
final class GraphBuilder {
  private GraphBuilder() {}

  static List<GraphAction> build(Model m, Planner p) {
    List<Act> chosen = new ArrayList<>();
    for (Act a : p.acts) {
      a.graphIndex = -1;
      if (a.executes() && (a.type != Act.Type.RESOURCE || a.node >= 0)) {
        a.graphIndex = chosen.size();
        chosen.add(a);
      }
    }
    int n = chosen.size();
    // the orderings between chosen actions, grouped by first (as added) and by then
    IntList edgeThen = new IntList(n * 2);
    int[] succStart = new int[n + 1];
    int[] indegree = new int[n];
    // edges from one action are added together, so a mark per target drops duplicates
    int[] lastFrom = new int[n];
    Arrays.fill(lastFrom, -1);
    for (int i = 0; i < n; i++) {
      succStart[i] = edgeThen.size;
      for (Act.Edge e : chosen.get(i).out) {
        if ((e.flags() & Planner.PRINTS_FIRST) != 0) {
          // bookkeeping (a child shows its collective's pseudo-action), not an ordering
          continue;
        }
        int j = e.then().graphIndex;
        if (j >= 0 && j != i && lastFrom[j] != i) {
          lastFrom[j] = i;
          edgeThen.add(j);
          indegree[j]++;
        }
      }
    }
    succStart[n] = edgeThen.size;
    // predecessors by then, in the order of their firsts
    int[] predStart = new int[n + 1];
    for (int i = 0; i < n; i++) {
      predStart[i + 1] = predStart[i] + indegree[i];
    }
    int[] preds = new int[edgeThen.size];
    int[] filled = Arrays.copyOf(predStart, n);
    for (int i = 0; i < n; i++) {
      for (int k = succStart[i]; k < succStart[i + 1]; k++) {
        preds[filled[edgeThen.at(k)]++] = i;
      }
    }
    IntHeap ready = new IntHeap(n);
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    int[] order = new int[n];
    int ordered = 0;
    boolean[] done = new boolean[n];
    int scan = 0;
    while (ordered < n) {
      if (ready.isEmpty()) {
        // a cycle: break it at the earliest remaining action
        while (done[scan]) {
          scan++;
        }
        ready.add(scan);
        indegree[scan] = 0;
      }
      int i = ready.poll();
      if (done[i]) {
        continue;
      }
      done[i] = true;
      order[ordered++] = i;
      for (int k = succStart[i]; k < succStart[i + 1]; k++) {
        int j = edgeThen.at(k);
        if (--indegree[j] == 0 && !done[j]) {
          ready.add(j);
        }
      }
    }
    int[] newId = new int[n];
    for (int k = 0; k < n; k++) {
      newId[order[k]] = k;
    }
    List<GraphAction> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int i = order[k];
      Act a = chosen.get(i);
      List<Integer> pred = new ArrayList<>(predStart[i + 1] - predStart[i]);
      for (int q = predStart[i]; q < predStart[i + 1]; q++) {
        if (newId[preds[q]] < k) {
          pred.add(newId[preds[q]]);
        }
      }
      out.add(new GraphAction(k, kind(a), a.rsc == null ? null : a.rsc.id, a.task, a.intervalMs,
          a.node >= 0 ? m.nodes.get(a.node).name() : null, pred, a.attributes));
    }
    return out;
  }

  /** A growable list of ints. */
  private static final class IntList {
    int[] items;
    int size;

    IntList(int capacity) {
      items = new int[Math.max(16, capacity)];
    }

    void add(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }

    int at(int i) {
      return items[i];
    }
  }

  /** A min-heap of ints: the ready action that comes first in creation order is taken first. */
  private static final class IntHeap {
    private int[] heap;
    private int size;

    IntHeap(int capacity) {
      heap = new int[Math.max(16, capacity)];
    }

    boolean isEmpty() {
      return size == 0;
    }

    void add(int v) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (heap[parent] <= v) {
          break;
        }
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = v;
    }

    int poll() {
      int top = heap[0];
      int last = heap[--size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && heap[child + 1] < heap[child]) {
          child++;
        }
        if (last <= heap[child]) {
          break;
        }
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
      return top;
    }
  }

  private static GraphAction.Kind kind(Act a) {
    if (a.type == Act.Type.RESOURCE
        && (a.attributes.containsKey("implied-by-fencing") || a.attributes.containsKey("implied-by-migration"))) {
      return GraphAction.Kind.PSEUDO;
    }
    return switch (a.type) {
      case RESOURCE -> GraphAction.Kind.RESOURCE;
      case PSEUDO -> GraphAction.Kind.PSEUDO;
      case CLUSTER -> GraphAction.Kind.CLUSTER;
      case FENCE -> GraphAction.Kind.FENCE;
    };
  }
}
