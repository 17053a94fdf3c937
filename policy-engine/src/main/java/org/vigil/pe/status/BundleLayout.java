package org.vigil.pe.status;

import java.util.ArrayList;
import java.util.List;
import org.vigil.cib.model.Bundle;
import org.vigil.cib.model.Extras;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Op;
import org.vigil.cib.model.Operations;
import org.vigil.cib.model.Primitive;

/**
 * The implicit resources a bundle stands for, named as Pacemaker names them: per replica
 * {@code N} an address {@code BUNDLE-ip-ADDR} (with ip-range-start), a container
 * {@code BUNDLE-docker-N} (or podman, rkt) and, when the bundle runs a primitive, a connection
 * {@code BUNDLE-N} to the guest node of that name, where the primitive's instance
 * {@code PRIM:N} of the implicit clone {@code BUNDLE-clone} (promotable: {@code BUNDLE-master})
 * runs.
 *
 * @param bundle the bundle
 * @param technology docker, podman or rkt
 * @param replicas how many replicas
 * @param promotedMax promoted instances allowed (0: the child clone is not promotable)
 * @param replicaList the replicas in order
 */
public record BundleLayout(Bundle bundle, String technology, int replicas, int promotedMax,
    List<Replica> replicaList) {

  /**
   * One replica's implicit resources.
   *
   * @param index the replica number
   * @param address its IP address, or null without ip-range-start
   * @param ip the address primitive, or null
   * @param container the container primitive
   * @param connection the connection primitive (named as its guest node), or null without a child
   */
  public record Replica(int index, String address, Primitive ip, Primitive container, Primitive connection) {}

  public BundleLayout {
    replicaList = List.copyOf(replicaList);
  }

  public static BundleLayout of(Bundle b) {
    String tech = b.container() == null ? "docker" : b.container().name();
    String promoted = b.container() == null ? null : b.container().attr("promoted-max");
    if (promoted == null && b.container() != null) {
      promoted = b.container().attr("masters");
    }
    int promotedMax = positive(promoted, 0);
    // without a replica count, as many replicas as may be promoted (at least one)
    int replicas = positive(b.container() == null ? null : b.container().attr("replicas"), Math.max(1, promotedMax));
    String ipStart = b.network() == null ? null : b.network().attr("ip-range-start");
    List<Replica> list = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      String address = ipStart == null ? null : nthAddress(ipStart, i);
      Primitive ip = address == null ? null : primitive(b.id() + "-ip-" + address, "heartbeat", "IPaddr2",
          "ip", address, 10_000);
      Primitive container = primitive(b.id() + "-" + tech + "-" + i, "heartbeat", tech, "image",
          b.container() == null ? "" : b.container().attr("image", ""), 60_000);
      Primitive connection = b.primitive() == null ? null : primitive(b.id() + "-" + i, "pacemaker", "remote",
          "addr", address == null ? b.id() + "-" + i : address, 30_000);
      list.add(new Replica(i, address, ip, container, connection));
    }
    return new BundleLayout(b, tech, replicas, promotedMax, list);
  }

  /** The implicit clone of the bundle's primitive. */
  public String cloneId() {
    return bundle.id() + (promotedMax > 0 ? "-master" : "-clone");
  }

  private static Primitive primitive(String id, String provider, String type, String param, String value,
      long monitorMs) {
    NvSet params = NvSet.of(id + "-instance_attributes",
        List.of(NvPair.of(id + "-instance_attributes-" + param, param, value)));
    Op monitor = new Op(id + "-monitor-" + monitorMs, "monitor", monitorMs / 1000 + "s", null, null, List.of(),
        List.of(), Extras.NONE);
    return new Primitive(id, "ocf", provider, type, null, null, List.of(params), List.of(), List.of(),
        Operations.of(List.of(monitor)), Extras.NONE);
  }

  private static int positive(String v, int fallback) {
    if (v == null) {
      return fallback;
    }
    try {
      return Math.max(0, Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** {@code 192.168.122.131} plus {@code n}: replica addresses count up from ip-range-start. */
  static String nthAddress(String start, int n) {
    String[] parts = start.split("\\.");
    if (parts.length != 4) {
      return start;
    }
    try {
      long v = 0;
      for (String p : parts) {
        v = v * 256 + Integer.parseInt(p);
      }
      v += n;
      return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
    } catch (NumberFormatException e) {
      return start;
    }
  }
}
