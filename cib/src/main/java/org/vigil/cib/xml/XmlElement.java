package org.vigil.cib.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An immutable XML element: name, attributes in document order, child elements in document
 * order, and the element's own text (concatenated, trimmed; CIBs carry almost none).
 *
 * <p>Equality is structural; attribute order does not count, child order does.
 */
public final class XmlElement {
  private final String name;
  private final Map<String, String> attributes;
  private final List<XmlElement> children;
  private final String text;
  private final int line;
  private int hash;

  public XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text) {
    this(name, attributes, children, text, 0);
  }

  XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text, int line) {
    this(Objects.requireNonNull(name, "name"), Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
        List.copyOf(children), text == null ? "" : text, line, 0);
  }

  /** The one constructor that copies nothing: {@code attributes} is unmodifiable, children immutable. */
  private XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text, int line,
      int hash) {
    this.name = name;
    this.attributes = attributes;
    this.children = children;
    this.text = text;
    this.line = line;
    this.hash = hash;
  }

  /** An element over an attribute map that the caller hands over and no longer touches (the parser's). */
  static XmlElement adopt(String name, Map<String, String> attributes, List<XmlElement> children, String text,
      int line) {
    return new XmlElement(name, Collections.unmodifiableMap(attributes), List.copyOf(children), text, line, 0);
  }

  public static XmlElement of(String name) {
    return new XmlElement(name, Map.of(), List.of(), "");
  }

  public String name() {
    return name;
  }

  /** Attributes in document order. */
  public Map<String, String> attributes() {
    return attributes;
  }

  public List<XmlElement> children() {
    return children;
  }

  public String text() {
    return text;
  }

  /** The line the element started on in its source document, 0 if it was built in memory. */
  public int line() {
    return line;
  }

  public String attr(String attribute) {
    return attributes.get(attribute);
  }

  public String attr(String attribute, String fallback) {
    return attributes.getOrDefault(attribute, fallback);
  }

  public String id() {
    return attributes.get("id");
  }

  public Optional<XmlElement> child(String childName) {
    for (XmlElement c : children) {
      if (c.name.equals(childName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public List<XmlElement> children(String childName) {
    List<XmlElement> out = new ArrayList<>();
    for (XmlElement c : children) {
      if (c.name.equals(childName)) {
        out.add(c);
      }
    }
    return out;
  }

  public XmlElement withAttribute(String attribute, String value) {
    Map<String, String> copy = new LinkedHashMap<>(attributes);
    if (value == null) {
      copy.remove(attribute);
    } else {
      copy.put(attribute, value);
    }
    return new XmlElement(name, copy, children, text, line);
  }

  public XmlElement withChildren(List<XmlElement> newChildren) {
    return new XmlElement(name, attributes, newChildren, text, line);
  }

  public XmlElement withChild(XmlElement child) {
    List<XmlElement> copy = new ArrayList<>(children);
    copy.add(child);
    return withChildren(copy);
  }

  /** This element with the first child matching {@code match} replaced, or {@code child} appended. */
  public XmlElement withChildReplaced(Predicate<XmlElement> match, XmlElement child) {
    List<XmlElement> copy = new ArrayList<>(children);
    for (int i = 0; i < copy.size(); i++) {
      if (match.test(copy.get(i))) {
        copy.set(i, child);
        return withChildren(copy);
      }
    }
    copy.add(child);
    return withChildren(copy);
  }

  public XmlElement withoutChildren(Predicate<XmlElement> match) {
    List<XmlElement> copy = new ArrayList<>(children);
    copy.removeIf(match);
    return withChildren(copy);
  }

  /** Depth-first search of this element and its descendants. */
  public Optional<XmlElement> find(Predicate<XmlElement> match) {
    if (match.test(this)) {
      return Optional.of(this);
    }
    for (XmlElement c : children) {
      Optional<XmlElement> found = c.find(match);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof XmlElement e
        && hashCode() == e.hashCode()
        && name.equals(e.name)
        && attributes.equals(e.attributes)
        && text.equals(e.text)
        && children.equals(e.children);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Objects.hash(name, attributes, children, text);
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  @Override
  public String toString() {
    return XmlCodec.write(this);
  }

  /** A mutable builder, for code that assembles an element attribute by attribute. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  public static final class Builder {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();
    private String text = "";

    private Builder(String name) {
      this.name = name;
    }

    /** Sets the attribute; a null value leaves it out. */
    public Builder attr(String attribute, Object value) {
      if (value != null) {
        attributes.put(attribute, value.toString());
      }
      return this;
    }

    public Builder attrs(Map<String, String> more) {
      attributes.putAll(more);
      return this;
    }

    public Builder child(XmlElement child) {
      if (child != null) {
        children.add(child);
      }
      return this;
    }

    public Builder children(List<XmlElement> more) {
      children.addAll(more);
      return this;
    }

    public Builder text(String value) {
      this.text = value;
      return this;
    }

    public XmlElement build() {
      return new XmlElement(name, attributes, children, text);
    }
  }
}
