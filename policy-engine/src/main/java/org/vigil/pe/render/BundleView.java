package org.vigil.pe.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A bundle: container replicas, each shown by the resource inside it (or by the container when
 * the bundle has no primitive).
 *
 * @param image the container image
 * @param replicas one entry per replica
 */
public record BundleView(String id, String image, boolean managed, List<Replica> replicas) implements ResourceView {
  public BundleView {
    replicas = List.copyOf(replicas);
  }

  /**
   * One replica.
   *
   * @param name {@code bundle-N}, or the container's id when the bundle has no primitive
   * @param ip the replica's address ({@code ip-range-start}), or null
   * @param shown the primitive whose agent and state the line shows
   * @param instances how many resource instances the replica counts in the status totals (its
   *     container, address, connection and inner resource)
   */
  public record Replica(String name, String ip, PrimitiveView shown, int instances) {}

  @Override
  public List<PrimitiveView> primitives() {
    List<PrimitiveView> out = new ArrayList<>();
    replicas.forEach(r -> out.add(r.shown()));
    return out;
  }
}
