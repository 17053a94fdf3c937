package org.vigil.crmsh.configure.syntax;

import java.util.HashSet;
import java.util.Set;

/**
 * Ids unique in the whole CIB, made as crmsh makes them: the base id when free, else the
 * base followed by {@code -0}, {@code -1}, ...
 */
public final class IdAllocator {
  private final Set<String> taken;

  public IdAllocator(Set<String> taken) {
    this.taken = new HashSet<>(taken);
  }

  public String unique(String base) {
    String id = base;
    for (int i = 0; taken.contains(id); i++) {
      id = base + "-" + i;
    }
    taken.add(id);
    return id;
  }

  /** Takes an id the user gave; false when some other element already has it. */
  public boolean claim(String id) {
    return taken.add(id);
  }
}
