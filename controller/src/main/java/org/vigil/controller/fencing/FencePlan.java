package org.vigil.controller.fencing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.cib.values.Durations;

/**
 * How to fence a node with the devices the CIB configures: every {@code stonith}-class
 * primitive not disabled ({@code target-role=Stopped}) whose {@code pcmk_host_list} or
 * {@code pcmk_host_map} names the node, or that names no nodes at all, in configuration
 * order. {@code pcmk_host_map} ({@code node:port;node2:port2}) also gives the port to use.
 *
 * @param target the node to fence
 * @param action {@code reboot}, {@code off} or {@code on}
 * @param devices the devices to try, in order
 */
public record FencePlan(String target, String action, List<FenceDevice> devices) {
  /** Pacemaker's default {@code stonith-timeout}. */
  public static final long DEFAULT_TIMEOUT_MS = 60_000;

  public FencePlan {
    devices = List.copyOf(devices);
  }

  /**
   * @param action the action the graph asks for, or null for the {@code stonith-action}
   *     cluster property (default {@code reboot})
   */
  public static FencePlan of(Cib cib, String target, String action) {
    String act = action != null ? action : cib.configuration().property("stonith-action").orElse("reboot");
    if (act.equals("poweroff")) {
      act = "off";
    }
    long clusterTimeout = cib.configuration().property("stonith-timeout").flatMap(Durations::parseMillis)
        .filter(ms -> ms > 0).orElse(DEFAULT_TIMEOUT_MS);
    List<FenceDevice> devices = new ArrayList<>();
    for (Resource r : cib.configuration().allResources()) {
      if (!(r instanceof Primitive p) || !"stonith".equals(p.resourceClass())
          || first(p.metaAttributes(), "target-role").filter("Stopped"::equalsIgnoreCase).isPresent()) {
        continue;
      }
      Map<String, String> all = params(p.instanceAttributes());
      Optional<String> port = portFor(all, target);
      if (port.isEmpty()) {
        continue;
      }
      Map<String, String> agentParams = new LinkedHashMap<>();
      all.forEach((k, v) -> {
        if (!k.startsWith("pcmk_")) {
          agentParams.put(k, v);
        }
      });
      agentParams.put("port", port.get());
      agentParams.put("plug", port.get());
      agentParams.put("nodename", target);
      long timeout = Optional.ofNullable(all.get("pcmk_" + act + "_timeout")).flatMap(Durations::parseMillis)
          .filter(ms -> ms > 0).orElse(clusterTimeout);
      devices.add(new FenceDevice(p.id(), p.type(), agentParams, timeout));
    }
    return new FencePlan(target, act, devices);
  }

  /** The port by which a device knows {@code target}, or empty when the device cannot fence it. */
  static Optional<String> portFor(Map<String, String> params, String target) {
    String map = params.get("pcmk_host_map");
    if (map != null && !map.isBlank()) {
      for (String entry : map.split("[;\\s]+")) {
        int colon = entry.indexOf(':');
        String node = colon < 0 ? entry : entry.substring(0, colon);
        if (node.equals(target)) {
          return Optional.of(colon < 0 ? target : entry.substring(colon + 1));
        }
      }
    }
    String list = params.get("pcmk_host_list");
    if (list != null && !list.isBlank()) {
      return Arrays.asList(list.split("[,\\s]+")).contains(target) ? Optional.of(target) : Optional.empty();
    }
    return map == null || map.isBlank() ? Optional.of(target) : Optional.empty();
  }

  private static Map<String, String> params(List<NvSet> sets) {
    Map<String, String> out = new LinkedHashMap<>();
    for (NvSet s : sets) {
      if (s.rule() == null) {
        for (NvPair pair : s.pairs()) {
          if (pair.name() != null && pair.value() != null) {
            out.putIfAbsent(pair.name(), pair.value());
          }
        }
      }
    }
    return out;
  }

  private static Optional<String> first(List<NvSet> sets, String name) {
    return sets.stream().map(s -> s.get(name)).flatMap(Optional::stream).findFirst();
  }
}
