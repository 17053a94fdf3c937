package org.vigil.cib.model;

/** One {@code <nvpair>}: a name and a value (or a reference to another nvpair). */
public record NvPair(String id, String name, String value, String idRef, Extras extras) {
  public static NvPair of(String id, String name, String value) {
    return new NvPair(id, name, value, null, Extras.NONE);
  }
}
