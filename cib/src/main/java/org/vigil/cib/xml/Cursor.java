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
  /** The element's attributes as the parser made them (up to 64), whose reading {@link #readMask} tracks; else null. */
  private final AttributeMap parsed;
  private long readMask;
  private final Set<String> readAttributes;
  private final boolean[] readChildren;

  Cursor(XmlElement element) {
    this.element = element;
    this.parsed = element.attributes() instanceof AttributeMap a && a.size() <= 64 ? a : null;
    this.readAttributes = parsed == null ? new HashSet<>() : null;
    this.readChildren = new boolean[element.children().size()];
  }

  XmlElement element() {
    return element;
  }

  String attr(String name) {
    if (parsed != null) {
      int i = parsed.indexOf(name);
      if (i < 0) {
        return null;
      }
      readMask |= 1L << i;
      return parsed.valueAt(i);
    }
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
    Map<String, String> attrs;
    if (parsed != null) {
      attrs = parsed.without(readMask);
    } else {
      attrs = new LinkedHashMap<>();
      element.attributes().forEach((k, v) -> {
        if (!readAttributes.contains(k)) {
          attrs.put(k, v);
        }
      });
    }
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
