package org.vigil.controller.fencing;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A configured fencing device able to fence one node.
 *
 * @param id the stonith primitive's id
 * @param agent the fence agent ({@code fence_ipmilan}, {@code fence_vigil})
 * @param params what the agent gets on standard input besides {@code action}: the device's
 *     parameters (Pacemaker's own {@code pcmk_*} ones left out) and the node as {@code port}
 *     and {@code plug} ({@code nodename} keeps the cluster's name for it)
 * @param timeoutMs how long the agent may take
 */
public record FenceDevice(String id, String agent, Map<String, String> params, long timeoutMs) {
  public FenceDevice {
    params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
  }
}
