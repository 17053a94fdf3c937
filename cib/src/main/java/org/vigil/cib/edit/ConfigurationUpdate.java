package org.vigil.cib.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vigil.cib.model.Alert;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.Constraint;
import org.vigil.cib.model.FencingLevel;
import org.vigil.cib.model.Node;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Resource;
import org.vigil.cib.model.Tag;

/**
 * {@code load update}: merges a partial configuration into the current one. Objects with an
 * id that exists are replaced where they stand, new ones are appended; attribute sets of
 * properties and defaults are merged pair by pair, so {@code property stonith-enabled=false}
 * changes one value and keeps the others.
 */
public final class ConfigurationUpdate {
  private ConfigurationUpdate() {}

  public static Configuration merge(Configuration base, Configuration update) {
    return new Configuration(
        mergeSets(base.crmConfig(), update.crmConfig()),
        byId(base.nodes(), update.nodes(), Node::id),
        byId(base.resources(), update.resources(), Resource::id),
        byId(base.constraints(), update.constraints(), Constraint::id),
        mergeSets(base.rscDefaults(), update.rscDefaults()),
        mergeSets(base.opDefaults(), update.opDefaults()),
        byId(base.fencingTopology(), update.fencingTopology(), FencingLevel::id),
        update.acls() != null ? update.acls() : base.acls(),
        byId(base.alerts(), update.alerts(), Alert::id),
        byId(base.tags(), update.tags(), Tag::id),
        base.extras());
  }

  static <T> List<T> byId(List<T> base, List<T> update, Function<T, String> id) {
    Map<String, T> merged = new LinkedHashMap<>();
    List<T> anonymous = new ArrayList<>();
    for (T t : base) {
      putOrKeep(merged, anonymous, id.apply(t), t);
    }
    for (T t : update) {
      putOrKeep(merged, anonymous, id.apply(t), t);
    }
    List<T> out = new ArrayList<>(merged.values());
    out.addAll(anonymous);
    return out;
  }

  private static <T> void putOrKeep(Map<String, T> merged, List<T> anonymous, String id, T t) {
    if (id == null) {
      anonymous.add(t);
    } else {
      merged.put(id, t);
    }
  }

  static List<NvSet> mergeSets(List<NvSet> base, List<NvSet> update) {
    Map<String, NvSet> merged = new LinkedHashMap<>();
    List<NvSet> anonymous = new ArrayList<>();
    for (NvSet s : base) {
      putOrKeep(merged, anonymous, s.id(), s);
    }
    for (NvSet s : update) {
      NvSet existing = s.id() == null ? null : merged.get(s.id());
      if (existing == null) {
        putOrKeep(merged, anonymous, s.id(), s);
      } else {
        merged.put(s.id(), mergePairs(existing, s));
      }
    }
    List<NvSet> out = new ArrayList<>(merged.values());
    out.addAll(anonymous);
    return out;
  }

  private static NvSet mergePairs(NvSet base, NvSet update) {
    Map<String, NvPair> pairs = new LinkedHashMap<>();
    for (NvPair p : base.pairs()) {
      pairs.put(p.name(), p);
    }
    for (NvPair p : update.pairs()) {
      pairs.put(p.name(), p);
    }
    return new NvSet(base.id(), update.idRef() != null ? update.idRef() : base.idRef(),
        update.score() != null ? update.score() : base.score(), update.rule() != null ? update.rule() : base.rule(),
        new ArrayList<>(pairs.values()), base.extras());
  }
}
