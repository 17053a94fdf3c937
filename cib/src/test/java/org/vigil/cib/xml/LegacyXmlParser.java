package org.vigil.cib.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The parser of characters that {@link XmlParser} (of bytes) replaced, kept unchanged as the
 * reference that {@link ParserDifferentialTest} holds the new one to: same trees, same lines,
 * same errors.
 */
final class LegacyXmlParser {
  /** Attribute values up to this length are shared through {@link #symbols}: ids, digests, numbers. */
  private static final int SHARED_VALUE_MAX = 40;
  private static final AttributeMap NO_ATTRIBUTES = new AttributeMap(new String[0], new String[0]);

  private final char[] s;
  private final int n;
  private final String source;
  private final Symbols symbols = new Symbols(false);
  /**
   * Element and attribute names, interned: the same objects as the literals readers look them
   * up with, so that a lookup matches on identity.
   */
  private final Symbols names = new Symbols(true);
  private int p;
  /** Line counting is incremental: {@code lineOfCounted} is the line at position {@code counted}. */
  private int counted;
  private int lineOfCounted = 1;
  private String[] attrNames = new String[16];
  private String[] attrValues = new String[16];
  private final StringBuilder scratch = new StringBuilder();

  private LegacyXmlParser(char[] s, int n, String source) {
    this.s = s;
    this.n = n;
    this.source = source;
  }

  /** Parses {@code s[0..n)} as one document. */
  static XmlElement parse(char[] s, int n, String source) throws XmlParseException {
    return new LegacyXmlParser(s, n, source).document();
  }

  private XmlElement document() throws XmlParseException {
    if (n > 0 && s[0] == '\uFEFF') {
      p = 1;
    }
    misc();
    if (p >= n) {
      throw new XmlParseException(source, 0, 0, "no document element (empty input?)");
    }
    if (s[p] != '<') {
      throw error(p, "text outside the document element");
    }
    XmlElement root = elements();
    misc();
    if (p < n) {
      throw error(p, s[p] == '<' ? "content after the document element" : "text outside the document element");
    }
    return root;
  }

  /** Whitespace, comments and processing instructions before or after the document element. */
  private void misc() throws XmlParseException {
    while (true) {
      while (p < n && isSpace(s[p])) {
        p++;
      }
      if (startsWith("<?")) {
        processingInstruction();
      } else if (startsWith("<!--")) {
        comment();
      } else if (startsWith("<!DOCTYPE")) {
        throw error(p, "DOCTYPE declarations are not allowed in a CIB");
      } else {
        return;
      }
    }
  }

  /** The document element and everything in it, without recursion (depth is the input's). */
  private XmlElement elements() throws XmlParseException {
    Deque<Frame> open = new ArrayDeque<>();
    Frame top = startTag();
    if (top.empty) {
      return top.build();
    }
    open.push(top);
    while (true) {
      if (p >= n) {
        throw error(p, "element <" + top.name + "> is not closed before the end of the input");
      }
      char c = s[p];
      if (c != '<') {
        text(top);
        continue;
      }
      if (p + 1 >= n) {
        throw error(p, "element <" + top.name + "> is not closed before the end of the input");
      }
      char next = s[p + 1];
      if (next == '/') {
        endTag(top);
        XmlElement done = top.build();
        open.pop();
        if (open.isEmpty()) {
          return done;
        }
        top = open.peek();
        top.children.add(done);
      } else if (next == '!') {
        if (startsWith("<!--")) {
          comment();
        } else if (startsWith("<![CDATA[")) {
          cdata(top);
        } else if (startsWith("<!DOCTYPE")) {
          throw error(p, "DOCTYPE declarations are not allowed in a CIB");
        } else {
          throw error(p, "markup declarations are not allowed in element content");
        }
      } else if (next == '?') {
        processingInstruction();
      } else {
        Frame child = startTag();
        if (child.empty) {
          top.children.add(child.build());
        } else {
          open.push(child);
          top = child;
        }
      }
    }
  }

  private Frame startTag() throws XmlParseException {
    p++; // '<'
    String name = name("element name");
    int count = 0;
    while (true) {
      boolean spaced = skipSpace();
      if (p >= n) {
        throw error(p, "start tag of <" + name + "> is not closed before the end of the input");
      }
      char c = s[p];
      if (c == '>' || c == '/') {
        break;
      }
      if (!spaced) {
        throw error(p, "attributes of <" + name + "> must be separated by white space");
      }
      String attr = name("attribute name");
      skipSpace();
      if (p >= n || s[p] != '=') {
        throw error(p, "attribute " + attr + " of <" + name + "> needs '=' and a quoted value");
      }
      p++;
      skipSpace();
      if (p >= n || (s[p] != '"' && s[p] != '\'')) {
        throw error(p, "the value of attribute " + attr + " of <" + name + "> must be quoted");
      }
      String value = attributeValue(s[p++]);
      for (int i = 0; i < count; i++) {
        if (attrNames[i].equals(attr)) {
          throw error(p, "duplicate attribute " + attr);
        }
      }
      if (count == attrNames.length) {
        attrNames = Arrays.copyOf(attrNames, count * 2);
        attrValues = Arrays.copyOf(attrValues, count * 2);
      }
      attrNames[count] = attr;
      attrValues[count] = value;
      count++;
    }
    boolean empty = s[p] == '/';
    if (empty) {
      if (p + 1 >= n || s[p + 1] != '>') {
        throw error(p, "expected '/>' to end the start tag of <" + name + ">");
      }
      p++;
    }
    AttributeMap attrs = count == 0 ? NO_ATTRIBUTES
        : new AttributeMap(Arrays.copyOf(attrNames, count), Arrays.copyOf(attrValues, count));
    int line = lineAt(p);
    p++; // '>'
    return new Frame(name, attrs, line, empty);
  }

  private void endTag(Frame top) throws XmlParseException {
    int start = p;
    p += 2; // "</"
    String name = name("element name");
    skipSpace();
    if (p >= n || s[p] != '>') {
      throw error(p, "end tag </" + name + "> is not closed with '>'");
    }
    if (!name.equals(top.name)) {
      throw error(start, "element <" + top.name + "> must be ended by </" + top.name + ">, not </" + name + ">");
    }
    p++;
  }

  /** Character data up to the next markup, appended to the element's own text. */
  private void text(Frame top) throws XmlParseException {
    int start = p;
    boolean blank = true;
    boolean plain = true;
    while (p < n) {
      char c = s[p];
      if (c == '<') {
        break;
      }
      if (c == '&' || c == '\r') {
        plain = false;
      } else if (blank && !isSpace(c)) {
        blank = false;
      }
      p++;
    }
    if (blank && plain && top.text == null) {
      return; // leading white space: trimmed away in the end
    }
    if (top.text == null) {
      top.text = new StringBuilder();
    }
    if (plain) {
      top.text.append(s, start, p - start);
      return;
    }
    for (int i = start; i < p; i++) {
      char c = s[i];
      if (c == '&') {
        i = reference(i, top.text) - 1;
      } else if (c == '\r') {
        top.text.append('\n');
        if (i + 1 < p && s[i + 1] == '\n') {
          i++;
        }
      } else {
        top.text.append(c);
      }
    }
  }

  private void cdata(Frame top) throws XmlParseException {
    int start = p + "<![CDATA[".length();
    int end = indexOf("]]>", start);
    if (end < 0) {
      throw error(p, "CDATA section is not closed with ']]>'");
    }
    if (top.text == null) {
      top.text = new StringBuilder();
    }
    for (int i = start; i < end; i++) {
      char c = s[i];
      if (c == '\r') {
        top.text.append('\n');
        if (i + 1 < end && s[i + 1] == '\n') {
          i++;
        }
      } else {
        top.text.append(c);
      }
    }
    p = end + 3;
  }

  private void comment() throws XmlParseException {
    int end = indexOf("-->", p + 4);
    if (end < 0) {
      throw error(p, "comment is not closed with '-->'");
    }
    p = end + 3;
  }

  private void processingInstruction() throws XmlParseException {
    int end = indexOf("?>", p + 2);
    if (end < 0) {
      throw error(p, "processing instruction is not closed with '?>'");
    }
    p = end + 2;
  }

  /** The value after its opening quote, up to and past the closing one, normalized. */
  private String attributeValue(char quote) throws XmlParseException {
    int start = p;
    boolean plain = true;
    int hash = 0;
    while (true) {
      if (p >= n) {
        throw error(start, "attribute value is not closed before the end of the input");
      }
      char c = s[p];
      if (c > '&' && c != '<' && c != quote) {
        hash = 31 * hash + c;
        p++;
        continue;
      }
      if (c == quote) {
        break;
      }
      if (c == '<') {
        throw error(p, "'<' is not allowed in an attribute value (write &lt;)");
      }
      if (c == '&' || c == '\t' || c == '\n' || c == '\r') {
        plain = false;
      }
      hash = 31 * hash + c;
      p++;
    }
    int end = p++;
    if (plain) {
      int len = end - start;
      return len <= SHARED_VALUE_MAX ? symbols.get(s, start, len, hash) : new String(s, start, len);
    }
    StringBuilder sb = scratch;
    sb.setLength(0);
    for (int i = start; i < end; i++) {
      char c = s[i];
      if (c == '&') {
        i = reference(i, sb) - 1;
      } else if (c == '\t' || c == '\n') {
        sb.append(' ');
      } else if (c == '\r') {
        sb.append(' ');
        if (i + 1 < end && s[i + 1] == '\n') {
          i++;
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Appends what the reference at {@code s[at] == '&'} stands for; returns the position after its ';'. */
  private int reference(int at, StringBuilder out) throws XmlParseException {
    int semi = at + 1;
    while (semi < n && semi - at <= 12 && s[semi] != ';') {
      semi++;
    }
    if (semi >= n || s[semi] != ';') {
      throw error(at, "'&' must start a reference such as &amp; (write &amp; for a literal '&')");
    }
    String ref = new String(s, at + 1, semi - at - 1);
    switch (ref) {
      case "lt" -> out.append('<');
      case "gt" -> out.append('>');
      case "amp" -> out.append('&');
      case "quot" -> out.append('"');
      case "apos" -> out.append('\'');
      default -> {
        if (!ref.startsWith("#")) {
          throw error(at, "entity reference &" + ref + "; is not allowed");
        }
        int code;
        try {
          code = ref.startsWith("#x") ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
        } catch (NumberFormatException e) {
          throw error(at, "bad character reference &" + ref + ";");
        }
        if (!isXmlChar(code)) {
          throw error(at, "character reference &" + ref + "; is not a legal XML character");
        }
        out.appendCodePoint(code);
      }
    }
    return semi + 1;
  }

  private String name(String what) throws XmlParseException {
    int start = p;
    if (p >= n || !isNameStart(s[p])) {
      throw error(p, "expected " + what);
    }
    int hash = s[p++];
    while (p < n && isNameChar(s[p])) {
      hash = 31 * hash + s[p++];
    }
    return names.get(s, start, p - start, hash);
  }

  /** Skips white space; says whether there was any. */
  private boolean skipSpace() {
    int start = p;
    while (p < n && isSpace(s[p])) {
      p++;
    }
    return p > start;
  }

  private boolean startsWith(String prefix) {
    if (p + prefix.length() > n) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (s[p + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(String needle, int from) {
    char first = needle.charAt(0);
    for (int i = from; i + needle.length() <= n; i++) {
      if (s[i] == first) {
        int k = 1;
        while (k < needle.length() && s[i + k] == needle.charAt(k)) {
          k++;
        }
        if (k == needle.length()) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The 1-based line of position {@code pos}; positions asked for only grow, but for errors. */
  private int lineAt(int pos) {
    if (pos < counted) {
      counted = 0;
      lineOfCounted = 1;
    }
    int line = lineOfCounted;
    for (int i = counted; i < pos; i++) {
      char c = s[i];
      if (c == '\n' || (c == '\r' && (i + 1 >= n || s[i + 1] != '\n'))) {
        line++;
      }
    }
    counted = pos;
    lineOfCounted = line;
    return line;
  }

  private XmlParseException error(int pos, String message) {
    int at = Math.min(pos, n);
    int line = lineAt(at);
    int lineStart = at;
    while (lineStart > 0 && s[lineStart - 1] != '\n' && s[lineStart - 1] != '\r') {
      lineStart--;
    }
    return new XmlParseException(source, line, at - lineStart + 1, message);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (c >= 0xC0 && c != 0xD7
        && c != 0xF7 && !(c >= 0x2000 && c <= 0x206F) && c != 0xFFFE && c != 0xFFFF);
  }

  private static boolean isNameChar(char c) {
    if (c < 0x80) {
      return ASCII_NAME_CHAR[c];
    }
    return isNameStart(c) || c == 0xB7 || (c >= 0x203F && c <= 0x2040);
  }

  /** {@link #isNameChar} for ASCII, looked up: names are most of what is scanned outside values. */
  private static final boolean[] ASCII_NAME_CHAR = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_NAME_CHAR[c] = isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }
  }

  private static boolean isXmlChar(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  /** An element whose end tag is still to come. */
  private static final class Frame {
    final String name;
    final AttributeMap attrs;
    final int line;
    final boolean empty;
    final List<XmlElement> children = new ArrayList<>();
    StringBuilder text;

    Frame(String name, AttributeMap attrs, int line, boolean empty) {
      this.name = name;
      this.attrs = attrs;
      this.line = line;
      this.empty = empty;
    }

    XmlElement build() {
      return XmlElement.parsed(name, attrs, children, text == null ? "" : text.toString().trim(), line);
    }
  }

  /**
   * One String per distinct short character run: names and short values repeat thousands of
   * times in a status section (operation names, digests, node names). A direct-mapped cache:
   * a collision just makes a new String, so memory stays bounded.
   */
  private static final class Symbols {
    private final String[] table = new String[1 << 14];
    private final boolean intern;

    Symbols(boolean intern) {
      this.intern = intern;
    }

    /** The string of {@code s[from, from + len)}, whose {@link String#hashCode} is {@code h}. */
    String get(char[] s, int from, int len, int h) {
      int slot = (h ^ (h >>> 14)) & (table.length - 1);
      String known = table[slot];
      if (known != null && known.length() == len) {
        int i = 0;
        while (i < len && known.charAt(i) == s[from + i]) {
          i++;
        }
        if (i == len) {
          return known;
        }
      }
      String made = intern ? new String(s, from, len).intern() : new String(s, from, len);
      table[slot] = made;
      return made;
    }
  }
}
