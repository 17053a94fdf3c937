package org.vigil.cib.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cib.xml.XmlElement;

/**
 * What a typed record did not understand in its XML element: other attributes and child
 * elements, kept so that a CIB that goes in comes out with the same meaning.
 */
public record Extras(Map<String, String> attributes, List<XmlElement> children) {
  public static final Extras NONE = new Extras(Map.of(), List.of());

  public Extras {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    children = List.copyOf(children);
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
