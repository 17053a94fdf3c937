package org.vigil.cib.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code date_spec} or {@code duration}: fields such as {@code hours="9-16"},
 * {@code weekdays="1-5"}, {@code months="2"} (ranges kept as written).
 */
public record DateSpec(String id, Map<String, String> fields, Extras extras) {
  public DateSpec {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
