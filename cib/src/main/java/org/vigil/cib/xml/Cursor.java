package org.vigil.cib.xml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.cib.model.Extras;

/**
 * Reads an element's attributes and children while remembering what was read, so that what
 * was not understood ends up in {@link Extras} instead of being dropped.
 */
final class Cursor {
  private final XmlElement element;
  private final Set<String> readAttributes = new HashSet<>();
  private final boolean[] readChildren;

  Cursor(XmlElement element) {
    this.element = element;
    this.readChildren = new boolean[element.children().size()];
  }

  XmlElement element() {
    return element;
  }

  String attr(String name) {
    readAttributes.add(name);
    return element.attr(name);
  }

  /** The children with this name, in document order, marked as read. */
  List<XmlElement> take(String name) {
    List<XmlElement> out = new ArrayList<>();
    List<XmlElement> children = element.children();
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i).name().equals(name)) {
        readChildren[i] = true;
        out.add(children.get(i));
      }
    }
    return out;
  }

  XmlElement takeOne(String name) {
    List<XmlElement> children = element.children();
    for (int i = 0; i < children.size(); i++) {
      if (!readChildren[i] && children.get(i).name().equals(name)) {
        readChildren[i] = true;
        return children.get(i);
      }
    }
    return null;
  }

  void markRead(int childIndex) {
    readChildren[childIndex] = true;
  }

  /** Every child not read yet, in document order, each marked as read. */
  List<XmlElement> takeAll() {
    List<XmlElement> out = new ArrayList<>();
    List<XmlElement> children = element.children();
    for (int i = 0; i < children.size(); i++) {
      if (!readChildren[i]) {
        readChildren[i] = true;
        out.add(children.get(i));
      }
    }
    return out;
  }

  Extras rest() {
    Map<String, String> attrs = new LinkedHashMap<>();
    element.attributes().forEach((k, v) -> {
      if (!readAttributes.contains(k)) {
        attrs.put(k, v);
      }
    });
    List<XmlElement> children = new ArrayList<>();
    for (int i = 0; i < readChildren.length; i++) {
      if (!readChildren[i]) {
        children.add(element.children().get(i));
      }
    }
    if (attrs.isEmpty() && children.isEmpty()) {
      return Extras.NONE;
    }
    return new Extras(attrs, children);
  }
}
