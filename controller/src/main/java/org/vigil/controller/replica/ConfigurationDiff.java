package org.vigil.controller.replica;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.vigil.cib.model.Configuration;

/** What a configuration has that another lacks, in words for the log. */
final class ConfigurationDiff {
  private static final int MAX_ITEMS = 20;

  private ConfigurationDiff() {}

  /**
   * The objects of {@code lost} that {@code kept} does not have or has otherwise ("resource vip
   * (absent)", "constraint loc1 (differs)", "cluster properties (differ)"), at most {@value #MAX_ITEMS}.
   */
  static List<String> discarded(Configuration lost, Configuration kept) {
    List<String> out = new ArrayList<>();
    compare("resource", lost.resources(), kept.resources(), r -> r.id(), out);
    compare("constraint", lost.constraints(), kept.constraints(), c -> c.id(), out);
    compare("node", lost.nodes(), kept.nodes(), n -> n.uname(), out);
    if (!lost.crmConfig().equals(kept.crmConfig())) {
      out.add("cluster properties (differ)");
    }
    if (!lost.rscDefaults().equals(kept.rscDefaults()) || !lost.opDefaults().equals(kept.opDefaults())) {
      out.add("resource or operation defaults (differ)");
    }
    if (out.size() > MAX_ITEMS) {
      int more = out.size() - MAX_ITEMS;
      out = new ArrayList<>(out.subList(0, MAX_ITEMS));
      out.add("and " + more + " more");
    }
    return out;
  }

  private static <T> void compare(String kind, List<T> lost, List<T> kept, Function<T, String> id, List<String> out) {
    Map<String, T> keptById = new LinkedHashMap<>();
    kept.forEach(k -> keptById.put(id.apply(k), k));
    for (T t : lost) {
      T other = keptById.get(id.apply(t));
      if (other == null) {
        out.add(kind + " " + id.apply(t) + " (absent)");
      } else if (!Objects.equals(other, t)) {
        out.add(kind + " " + id.apply(t) + " (differs)");
      }
    }
  }
}
