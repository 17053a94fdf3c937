package org.vigil.crmsh.resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Role;
import org.vigil.pe.status.ClusterStatus;
import org.vigil.pe.status.NodeHistory;
import org.vigil.pe.status.ResourceState;

/** Where a resource (a primitive, a group, a clone, or any of their instances) is active now. */
record Locations(String resource, List<Location> where) {

  /** One node it is active on, and whether in the Promoted role there. */
  record Location(String node, boolean promoted) {}

  /** Reads the resource history of {@code cib}; {@code resource} must be configured. */
  static Locations of(Cib cib, String resource) {
    Set<Location> found = new LinkedHashSet<>();
    for (ResourceState r : ClusterStatus.unpack(cib, Instant.now()).resources()) {
      if (!belongsTo(r, resource)) {
        continue;
      }
      for (NodeHistory h : r.histories().values()) {
        if (h.active()) {
          found.add(new Location(h.node(), h.role() == Role.PROMOTED));
        }
      }
    }
    return new Locations(resource, new ArrayList<>(found));
  }

  private static boolean belongsTo(ResourceState r, String id) {
    return id.equals(r.id()) || id.equals(r.baseId()) || id.equals(r.groupId()) || id.equals(r.cloneId());
  }

  boolean running() {
    return !where.isEmpty();
  }

  /** crm_resource --locate's lines: one per node, or the NOT running line. */
  List<String> lines() {
    if (where.isEmpty()) {
      return List.of("resource " + resource + " is NOT running");
    }
    List<String> out = new ArrayList<>();
    for (Location l : where) {
      out.add("resource " + resource + " is running on: " + l.node() + (l.promoted() ? " Promoted" : ""));
    }
    return out;
  }
}
