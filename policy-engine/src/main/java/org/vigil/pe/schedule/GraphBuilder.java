package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
      if (a.executes() && (a.type != Act.Type.RESOURCE || a.node >= 0)) {
        chosen.add(a);
      }
    }
    Map<Act, Integer> index = new HashMap<>();
    for (int i = 0; i < chosen.size(); i++) {
      index.put(chosen.get(i), i);
    }
    int[] indegree = new int[chosen.size()];
    List<List<Integer>> succ = new ArrayList<>();
    List<List<Integer>> preds = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      succ.add(new ArrayList<>());
      preds.add(new ArrayList<>());
    }
    // edges from one action are added together, so a mark per target drops duplicates
    int[] lastFrom = new int[chosen.size()];
    java.util.Arrays.fill(lastFrom, -1);
    for (int i = 0; i < chosen.size(); i++) {
      for (Act.Edge e : chosen.get(i).out) {
        if ((e.flags() & Planner.PRINTS_FIRST) != 0) {
          // bookkeeping (a child shows its collective's pseudo-action), not an ordering
          continue;
        }
        Integer j = index.get(e.then());
        if (j != null && j != i && lastFrom[j] != i) {
          lastFrom[j] = i;
          succ.get(i).add(j);
          preds.get(j).add(i);
          indegree[j]++;
        }
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < chosen.size(); i++) {
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    List<Integer> order = new ArrayList<>();
    boolean[] done = new boolean[chosen.size()];
    int scan = 0;
    while (order.size() < chosen.size()) {
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
      order.add(i);
      for (int j : succ.get(i)) {
        if (--indegree[j] == 0 && !done[j]) {
          ready.add(j);
        }
      }
    }
    int[] newId = new int[chosen.size()];
    for (int k = 0; k < order.size(); k++) {
      newId[order.get(k)] = k;
    }
    List<GraphAction> out = new ArrayList<>();
    for (int k = 0; k < order.size(); k++) {
      int i = order.get(k);
      Act a = chosen.get(i);
      List<Integer> pred = new ArrayList<>();
      for (int q : preds.get(i)) {
        if (newId[q] < k) {
          pred.add(newId[q]);
        }
      }
      out.add(new GraphAction(k, kind(a), a.rsc == null ? null : a.rsc.id, a.task, a.intervalMs,
          a.node >= 0 ? m.nodes.get(a.node).name() : null, pred, a.attributes));
    }
    return out;
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
