package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cib.model.Clone;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.Group;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Resource;
import org.vigil.pe.status.ResourceState;

/** The instance attribute sets a primitive takes from its group and clone, closest first. */
final class InheritedParams {
  private final Map<String, Resource> collectives = new HashMap<>();

  InheritedParams(Configuration config) {
    for (Resource top : config.resources()) {
      collectives.put(top.id(), top);
      if (top instanceof Clone c) {
        collectives.put(c.child().id(), c.child());
      }
    }
  }

  List<List<NvSet>> of(ResourceState st) {
    List<List<NvSet>> out = new ArrayList<>();
    for (String id : new String[] {st.groupId(), st.cloneId()}) {
      Resource parent = id == null ? null : collectives.get(id);
      if (parent instanceof Group g) {
        out.add(g.instanceAttributes());
      } else if (parent instanceof Clone c) {
        out.add(c.instanceAttributes());
      }
    }
    return out;
  }
}
