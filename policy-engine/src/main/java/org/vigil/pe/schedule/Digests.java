package org.vigil.pe.schedule;

import java.util.HashMap;
import java.util.Map;
import org.vigil.cib.values.ParameterDigest;

/**
 * The parameter digests worked out while scheduling: most resources share a handful of
 * parameter sets (often none at all), and an MD5 costs far more than looking the set up.
 */
final class Digests {
  private final Map<Map<String, String>, String> known = new HashMap<>();

  /** {@link ParameterDigest#of}. */
  String of(Map<String, String> params) {
    String digest = known.get(params);
    if (digest == null) {
      digest = ParameterDigest.of(params);
      // a copy: the caller may go on changing its map
      known.put(new HashMap<>(params), digest);
    }
    return digest;
  }
}
