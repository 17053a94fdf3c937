package org.vigil.cib.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cib.xml.AttributeMap;
import org.vigil.cib.xml.XmlElement;

/**
 * What a typed record did not understand in its XML element: other attributes and child
 * elements, kept so that a CIB that goes in comes out with the same meaning.
 */
public record Extras(Map<String, String> attributes, List<XmlElement> children) {
  public static final Extras NONE = new Extras(Map.of(), List.of());

  public Extras {
    attributes = copy(attributes);
    children = List.copyOf(children);
  }

  /**
   * An unmodifiable copy in the same order. Extras of a parsed status section come with the
   * parser's attribute maps; others mostly have no attribute or one: those get the small maps,
   * not a linked hash map each.
   */
  private static Map<String, String> copy(Map<String, String> attributes) {
    if (attributes instanceof AttributeMap) {
      return attributes; // immutable and in document order already
    }
    if (attributes.isEmpty()) {
      return Collections.emptyMap();
    }
    if (attributes.size() == 1) {
      Map.Entry<String, String> only = attributes.entrySet().iterator().next();
      return Collections.singletonMap(only.getKey(), only.getValue());
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  public String attr(String name) {
    return attributes.get(name);
  }

  public boolean isEmpty() {
    return attributes.isEmpty() && children.isEmpty();
  }

  public Extras withAttribute(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(attributes);
    if (value == null) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return new Extras(copy, children);
  }
}
