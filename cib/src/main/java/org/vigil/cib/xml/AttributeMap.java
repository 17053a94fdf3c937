package org.vigil.cib.xml;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A parsed element's attributes: an immutable map over two arrays in document order.
 *
 * <p>A status section holds hundreds of thousands of operation records of a dozen or more
 * attributes each; a hash map per element cost several times the memory and most of the
 * garbage collection of reading it. Elements have few attributes, so a scan finds one as
 * fast as hashing would. Equality and hash code are those of any {@link java.util.Map}.
 * Only the parser makes them; {@link org.vigil.cib.model.Extras} keeps them without a copy.
 */
public final class AttributeMap extends AbstractMap<String, String> {
  private final String[] names;
  private final String[] values;

  /** Takes the arrays as they are: distinct names, no nulls, and nobody writes them afterwards. */
  AttributeMap(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /** The position of attribute {@code key}, or -1. */
  int indexOf(String key) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  String valueAt(int i) {
    return values[i];
  }

  /** The attributes but those whose positions are set in {@code mask} (positions under 64). */
  AttributeMap without(long mask) {
    int count = names.length - Long.bitCount(mask);
    if (count == names.length) {
      return this;
    }
    String[] keptNames = new String[count];
    String[] keptValues = new String[count];
    int k = 0;
    for (int i = 0; i < names.length; i++) {
      if ((mask & (1L << i)) == 0) {
        keptNames[k] = names[i];
        keptValues[k] = values[i];
        k++;
      }
    }
    return new AttributeMap(keptNames, keptValues);
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public String get(Object key) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public String getOrDefault(Object key, String fallback) {
    String v = get(key);
    return v == null ? fallback : v;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return names.length;
      }

      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            Entry<String, String> e = new SimpleImmutableEntry<>(names[next], values[next]);
            next++;
            return e;
          }
        };
      }
    };
  }
}
