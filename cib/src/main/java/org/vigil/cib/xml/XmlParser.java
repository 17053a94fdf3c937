package org.vigil.cib.xml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigil.cib.model.Status;

/**
 * A non-validating XML 1.0 parser from UTF-8 bytes to {@link XmlElement}s that refuses what is
 * not well-formed: unclosed or mismatched tags, bad attributes, unknown references, content
 * after the document element.
 *
 * <p>It exists for speed: a status section of tens of megabytes parses many times faster than
 * through the JDK's StAX reader, with far less garbage. It reads the bytes themselves (CIBs are
 * ASCII but for the odd description: only runs of non-ASCII bytes are decoded, strictly, so that
 * malformed UTF-8 is refused as a reader of the file would refuse it) and counts lines as it
 * goes. It keeps what StAX gave the element tree: names as written (no namespace processing),
 * attributes in document order with values normalized as XML 1.0 says (literal tab, newline and
 * carriage return become spaces; character references stay what they say), the element's own
 * text (character data and CDATA of the element itself, trimmed), and the line of the end of
 * each start tag. Comments and processing instructions are skipped. A DOCTYPE declaration is
 * refused outright, which rules out entity expansion bombs and external entities; only the five
 * predefined entities and character references are known.
 *
 * <p>For a CIB it can hand the document's status section to {@link StatusSection}, which
 * builds the model's records from the start tags directly, without an element per operation.
 */
final class XmlParser {
  /** Attribute values up to this length are shared through {@link #symbols}: ids, digests, numbers. */
  private static final int SHARED_VALUE_MAX = 40;
  private static final AttributeMap NO_ATTRIBUTES = new AttributeMap(new String[0], new String[0]);

  private final byte[] b;
  private final int n;
  private final String source;
  /** Whether the bytes came from a file, unchecked: then malformed UTF-8 is an error. */
  private final boolean fromFile;
  private final Symbols symbols;
  /**
   * Element and attribute names, interned: the same objects as the literals readers look them
   * up with, so that a lookup matches on identity.
   */
  private final Symbols names;
  private CharsetDecoder utf8;
  private int p;
  /** The line of position {@link #p}: every loop that moves past a line end counts it. */
  private int line = 1;

  /** The start tag read last: its name, whether it was empty ({@code />}), the line of its end. */
  private String tagName;
  private boolean tagEmpty;
  private int tagLine;
  private int attrCount;
  private String[] attrNames = new String[16];
  /** A value once made; null for a plain ASCII value not asked for yet (see {@link #value}). */
  private String[] attrValues = new String[16];
  private int[] valueStarts = new int[16];
  private int[] valueEnds = new int[16];
  private final StringBuilder scratch = new StringBuilder();
  /** What the attribute at each position of recent start tags was named and (if short and plain) held. */
  private static final int RECENT = 32;
  private final String[] recentNames = new String[RECENT];
  private final byte[][] recentNameKeys = new byte[RECENT][];
  private final String[] recentValues = new String[RECENT];
  private final byte[][] recentValueKeys = new byte[RECENT][];

  /**
   * Status sections longer than this are read by two threads: they take most of a large CIB,
   * and a node state is independent of the others.
   */
  private static final int PARALLEL_ABOVE = 1 << 20;

  private final CibReader cibReader;
  private int parallelAbove = PARALLEL_ABOVE;
  private Status status;

  private XmlParser(byte[] b, int n, String source, boolean fromFile, CibReader cibReader) {
    this.b = b;
    this.n = n;
    this.source = source;
    this.fromFile = fromFile;
    this.cibReader = cibReader;
    // tables in proportion to the input: a small document does not pay for a large table
    int size = Math.max(256, Math.min(1 << 14, Integer.highestOneBit(Math.max(1, n / 64))));
    this.symbols = new Symbols(size, false);
    this.names = new Symbols(Math.min(size, 1 << 10), true);
  }

  /**
   * Parses {@code b[0..n)} as one document. {@code fromFile}: the bytes are a file's, not known
   * to be well-formed UTF-8 (they are when they were encoded from a String).
   */
  static XmlElement parse(byte[] b, int n, String source, boolean fromFile) throws XmlParseException {
    return new XmlParser(b, n, source, fromFile, null).document();
  }

  /** A CIB document: the element tree without its status section, which is read into the model already. */
  record CibDocument(XmlElement root, Status status) {}

  /**
   * As {@link #parse}, but the first {@code <status>} in a {@code <cib>} is read straight into
   * the model by {@code reader} and left out of the tree (null status: there was none).
   */
  static CibDocument parseCib(byte[] b, int n, String source, boolean fromFile, CibReader reader)
      throws XmlParseException {
    return parseCib(b, n, source, fromFile, reader, PARALLEL_ABOVE);
  }

  /** As above; a status section longer than {@code parallelAbove} bytes is read by two threads. */
  static CibDocument parseCib(byte[] b, int n, String source, boolean fromFile, CibReader reader, int parallelAbove)
      throws XmlParseException {
    XmlParser parser = new XmlParser(b, n, source, fromFile, reader);
    parser.parallelAbove = parallelAbove;
    XmlElement root = parser.document();
    return new CibDocument(root, parser.status);
  }

  /** The bytes in the rest of the input. */
  int remaining() {
    return n - p;
  }

  int position() {
    return p;
  }

  /**
   * Where the first {@code <node_state} tag at or after {@code from} starts, or -1: maybe the
   * start of a child of the status section, maybe not (in a comment...); reading up to it tells.
   */
  int nodeStateNear(int from) {
    byte[] tag = NODE_STATE_TAG;
    for (int i = Math.max(from, p); i + tag.length < n; i++) {
      if (b[i] == '<' && same(tag, b, i, tag.length) && (b[i + tag.length] == '>' || b[i + tag.length] == '/'
          || isSpaceByte(b[i + tag.length]))) {
        return i;
      }
    }
    return -1;
  }

  private static final byte[] NODE_STATE_TAG = "<node_state".getBytes(StandardCharsets.US_ASCII);

  /** A parser of the same input at the same place, for another thread. */
  XmlParser fork() {
    XmlParser other = new XmlParser(b, n, source, fromFile, cibReader);
    other.p = p;
    other.line = line;
    return other;
  }

  /** Moves forward to {@code to} without reading, counting lines. */
  void skipTo(int to) {
    countLines(p, to);
    p = to;
  }

  /** Carries on where {@code other}, a fork of this parser that read ahead, stopped. */
  void continueFrom(XmlParser other) {
    p = other.p;
    line = other.line;
  }

  private XmlElement document() throws XmlParseException {
    if (n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
      p = 3; // the byte order mark
    }
    misc();
    if (p >= n) {
      XmlParseException unreadable = unreadable();
      throw unreadable != null ? unreadable : new XmlParseException(source, 0, 0, "no document element (empty input?)");
    }
    if (b[p] != '<') {
      throw error(p, "text outside the document element");
    }
    startTag();
    XmlElement root = element(cibReader != null);
    misc();
    if (p < n) {
      throw error(p, b[p] == '<' ? "content after the document element" : "text outside the document element");
    }
    return root;
  }

  /** Whitespace, comments and processing instructions before or after the document element. */
  private void misc() throws XmlParseException {
    while (true) {
      skipSpace();
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

  /**
   * The element whose start tag was read last, with everything in it, without recursion (depth
   * is the input's). {@code streamStatus}: the element is a document element, whose first
   * {@code <status>} child goes to {@link StatusSection} if it is a {@code <cib>}.
   */
  XmlElement element(boolean streamStatus) throws XmlParseException {
    Frame top = frame();
    if (top.empty) {
      return top.build();
    }
    Frame[] open = new Frame[16];
    int depth = 0;
    open[depth++] = top;
    while (true) {
      if (toNextTag(top.name, top)) {
        endTag(top.name);
        XmlElement done = top.build();
        open[--depth] = null;
        if (depth == 0) {
          return done;
        }
        top = open[depth - 1];
        top.children.add(done);
        continue;
      }
      startTag();
      if (streamStatus && depth == 1 && status == null && tagName == "status" && top.name == "cib") {
        status = new StatusSection(this, cibReader).read(parallelAbove);
        continue;
      }
      Frame child = frame();
      if (child.empty) {
        top.children.add(child.build());
      } else {
        if (depth == open.length) {
          open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = child;
        top = child;
      }
    }
  }

  /**
   * Moves past text, comments, CDATA sections and processing instructions in the element
   * {@code open} to its next tag; says whether that is an end tag. The text goes to
   * {@code frame}, or is only checked when it is null.
   */
  boolean toNextTag(String open, Frame frame) throws XmlParseException {
    while (true) {
      if (p >= n) {
        throw error(p, "element <" + open + "> is not closed before the end of the input");
      }
      if (b[p] != '<') {
        text(frame);
        continue;
      }
      if (p + 1 >= n) {
        throw error(p, "element <" + open + "> is not closed before the end of the input");
      }
      byte next = b[p + 1];
      if (next == '/') {
        return true;
      } else if (next == '!') {
        if (startsWith("<!--")) {
          comment();
        } else if (startsWith("<![CDATA[")) {
          cdata(frame);
        } else if (startsWith("<!DOCTYPE")) {
          throw error(p, "DOCTYPE declarations are not allowed in a CIB");
        } else {
          throw error(p, "markup declarations are not allowed in element content");
        }
      } else if (next == '?') {
        processingInstruction();
      } else {
        return false;
      }
    }
  }

  /** Reads the start tag at {@code p} ('<'): {@link #tagName}, the attributes, {@link #tagEmpty}. */
  void startTag() throws XmlParseException {
    p++; // '<'
    String name = name("element name");
    int count = 0;
    while (true) {
      boolean spaced = skipSpace();
      if (p >= n) {
        throw error(p, "start tag of <" + name + "> is not closed before the end of the input");
      }
      byte c = b[p];
      if (c == '>' || c == '/') {
        break;
      }
      if (!spaced) {
        throw error(p, "attributes of <" + name + "> must be separated by white space");
      }
      String attr = attributeName(count);
      skipSpace();
      if (p >= n || b[p] != '=') {
        throw error(p, "attribute " + attr + " of <" + name + "> needs '=' and a quoted value");
      }
      p++;
      skipSpace();
      if (p >= n || (b[p] != '"' && b[p] != '\'')) {
        throw error(p, "the value of attribute " + attr + " of <" + name + "> must be quoted");
      }
      if (count == attrNames.length) {
        attrNames = Arrays.copyOf(attrNames, count * 2);
        attrValues = Arrays.copyOf(attrValues, count * 2);
        valueStarts = Arrays.copyOf(valueStarts, count * 2);
        valueEnds = Arrays.copyOf(valueEnds, count * 2);
      }
      attributeValue(count, b[p++]);
      for (int i = 0; i < count; i++) {
        if (attrNames[i] == attr) { // names are interned
          throw error(p, "duplicate attribute " + attr);
        }
      }
      attrNames[count] = attr;
      count++;
    }
    boolean empty = b[p] == '/';
    if (empty) {
      if (p + 1 >= n || b[p + 1] != '>') {
        throw error(p, "expected '/>' to end the start tag of <" + name + ">");
      }
      p++;
    }
    tagLine = line;
    p++; // '>'
    tagName = name;
    tagEmpty = empty;
    attrCount = count;
  }

  String tagName() {
    return tagName;
  }

  boolean tagEmpty() {
    return tagEmpty;
  }

  int attrCount() {
    return attrCount;
  }

  /** The name of attribute {@code i} of the last start tag, interned. */
  String attrName(int i) {
    return attrNames[i];
  }

  /** The normalized value of attribute {@code i} of the last start tag; a short one is shared. */
  String value(int i) {
    String v = attrValues[i];
    if (v == null) {
      int start = valueStarts[i];
      int len = valueEnds[i] - start;
      if (len > SHARED_VALUE_MAX) {
        v = new String(b, start, len, StandardCharsets.ISO_8859_1);
      } else if (i < RECENT && recentValueKeys[i] != null && same(recentValueKeys[i], b, start, len)) {
        v = recentValues[i]; // as the last start tag had it here: an operation's name, node, digest...
      } else {
        v = symbols.get(b, start, len);
        if (i < RECENT) {
          recentValues[i] = v;
          recentValueKeys[i] = symbols.lastKey;
        }
      }
      attrValues[i] = v;
    }
    return v;
  }

  /**
   * As {@link #value}, for a value that is unique in the document (an operation's id or key):
   * not shared, so that it does not push shared ones out of the table.
   */
  String uniqueValue(int i) {
    String v = attrValues[i];
    if (v == null) {
      v = new String(b, valueStarts[i], valueEnds[i] - valueStarts[i], StandardCharsets.ISO_8859_1);
      attrValues[i] = v;
    }
    return v;
  }

  /**
   * The value of attribute {@code i} as a number in [min, max] as {@link Long#parseLong} reads
   * it once trimmed, or null when it is not one. Plain digits are read from the bytes.
   */
  Long number(int i, long min, long max) {
    if (attrValues[i] == null) {
      int start = valueStarts[i];
      int end = valueEnds[i];
      boolean negative = start < end && b[start] == '-';
      int digits = negative ? start + 1 : start;
      if (digits < end && end - digits <= 18) {
        long v = 0;
        int k = digits;
        while (k < end) {
          int d = b[k] - '0';
          if (d < 0 || d > 9) {
            break;
          }
          v = v * 10 + d;
          k++;
        }
        if (k == end) {
          v = negative ? -v : v;
          return v < min || v > max ? null : v;
        }
      }
    }
    try {
      long v = Long.parseLong(value(i).trim());
      return v < min || v > max ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The attributes of the last start tag at positions {@code indexes[0, count)}, in that order. */
  AttributeMap attributes(int[] indexes, int count) {
    String[] keys = new String[count];
    String[] values = new String[count];
    for (int k = 0; k < count; k++) {
      keys[k] = attrNames[indexes[k]];
      values[k] = value(indexes[k]);
    }
    return new AttributeMap(keys, values);
  }

  /** The last start tag as a frame of the element tree. */
  private Frame frame() {
    int count = attrCount;
    AttributeMap attrs = NO_ATTRIBUTES;
    if (count > 0) {
      String[] values = new String[count];
      for (int i = 0; i < count; i++) {
        values[i] = value(i);
      }
      attrs = new AttributeMap(Arrays.copyOf(attrNames, count), values);
    }
    return new Frame(tagName, attrs, tagLine, tagEmpty);
  }

  /** Reads the end tag at {@code p} ("</"), which must be {@code open}'s. */
  void endTag(String open) throws XmlParseException {
    int start = p;
    p += 2; // "</"
    String name = name("element name");
    skipSpace();
    if (p >= n || b[p] != '>') {
      throw error(p, "end tag </" + name + "> is not closed with '>'");
    }
    if (name != open) { // names are interned
      throw error(start, "element <" + open + "> must be ended by </" + open + ">, not </" + name + ">");
    }
    p++;
  }

  /** Character data up to the next markup, appended to the frame's text (checked only if null). */
  private void text(Frame frame) throws XmlParseException {
    final byte[] b = this.b;
    int start = p;
    int i = p;
    boolean blank = true;
    boolean plain = true;
    while (i < n) {
      byte c = b[i];
      if (c == '<') {
        break;
      }
      if (c == '\n') {
        line++;
      } else if (c == '\r') {
        plain = false;
        if (i + 1 >= n || b[i + 1] != '\n') {
          line++;
        }
      } else if (c != ' ' && c != '\t') {
        blank = false;
        if (c == '&' || c < 0) {
          plain = false;
        }
      }
      i++;
    }
    p = i;
    if (plain && (frame == null || blank && frame.text == null)) {
      return; // plain ASCII has nothing to check; leading white space is trimmed away in the end
    }
    StringBuilder out = textOf(frame);
    if (plain) {
      for (int k = start; k < i; k++) {
        out.append((char) b[k]);
      }
    } else {
      append(out, start, i, Mode.TEXT);
    }
  }

  /** Where an element's own text goes: its frame's buffer, or scratch space when it is not kept. */
  private StringBuilder textOf(Frame frame) {
    if (frame == null) {
      scratch.setLength(0);
      return scratch;
    }
    if (frame.text == null) {
      frame.text = new StringBuilder();
    }
    return frame.text;
  }

  private void cdata(Frame frame) throws XmlParseException {
    int start = p + "<![CDATA[".length();
    int end = indexOf("]]>", start);
    if (end < 0) {
      throw error(p, "CDATA section is not closed with ']]>'");
    }
    StringBuilder out = textOf(frame);
    append(out, start, end, Mode.CDATA);
    countLines(p, end + 3);
    p = end + 3;
  }

  private void comment() throws XmlParseException {
    int end = indexOf("-->", p + 4);
    if (end < 0) {
      throw error(p, "comment is not closed with '-->'");
    }
    skipped(p, end + 3);
  }

  private void processingInstruction() throws XmlParseException {
    int end = indexOf("?>", p + 2);
    if (end < 0) {
      throw error(p, "processing instruction is not closed with '?>'");
    }
    skipped(p, end + 2);
  }

  /** Moves past markup that is skipped, counting its lines and checking its UTF-8. */
  private void skipped(int from, int to) throws XmlParseException {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        int j = i + 1;
        while (j < to && b[j] < 0) {
          j++;
        }
        decode(i, j);
        i = j - 1;
      }
    }
    countLines(from, to);
    p = to;
  }

  /** Reads the value after its opening quote, up to and past the closing one; normalized at once unless plain. */
  private void attributeValue(int slot, byte quote) throws XmlParseException {
    final byte[] b = this.b;
    final int n = this.n;
    int start = p;
    int i = p;
    boolean plain = true;
    while (true) {
      if (i >= n) {
        throw error(start, "attribute value is not closed before the end of the input");
      }
      byte c = b[i];
      if (c > '&' && c != '<' && c != quote) {
        i++;
        continue;
      }
      if (c == quote) {
        break;
      }
      if (c == '<') {
        throw error(i, "'<' is not allowed in an attribute value (write &lt;)");
      }
      if (c < 0 || c == '&' || c == '\t' || c == '\n' || c == '\r') {
        plain = false;
      }
      i++;
    }
    p = i + 1;
    valueStarts[slot] = start;
    valueEnds[slot] = i;
    if (plain) {
      attrValues[slot] = null;
      return;
    }
    countLines(start, i);
    StringBuilder sb = scratch;
    sb.setLength(0);
    append(sb, start, i, Mode.ATTRIBUTE);
    attrValues[slot] = sb.toString();
  }

  /** How {@link #append} treats references and line ends. */
  private enum Mode {
    /** References resolved; tab, newline, carriage return (and CR LF) become one space. */
    ATTRIBUTE,
    /** References resolved; CR LF and CR become a newline. */
    TEXT,
    /** Taken literally but for line ends, as in TEXT. */
    CDATA
  }

  /** Appends the characters of {@code b[from, to)} as {@code mode} says; runs of non-ASCII are decoded. */
  private void append(StringBuilder out, int from, int to, Mode mode) throws XmlParseException {
    int i = from;
    while (i < to) {
      byte c = b[i];
      if (c < 0) {
        int j = i + 1;
        while (j < to && b[j] < 0) {
          j++;
        }
        out.append(decode(i, j));
        i = j;
      } else if (c == '&' && mode != Mode.CDATA) {
        i = reference(i, out);
      } else if (c == '\r') {
        out.append(mode == Mode.ATTRIBUTE ? ' ' : '\n');
        i += i + 1 < to && b[i + 1] == '\n' ? 2 : 1;
      } else if (mode == Mode.ATTRIBUTE && (c == '\t' || c == '\n')) {
        out.append(' ');
        i++;
      } else {
        out.append((char) c);
        i++;
      }
    }
  }

  /** Appends what the reference at {@code b[at] == '&'} stands for; returns the position after its ';'. */
  private int reference(int at, StringBuilder out) throws XmlParseException {
    // looks for the ';' within 12 characters (UTF-16 units, as a reader of characters counts them)
    int semi = at + 1;
    int chars = 1;
    while (semi < n && chars <= 12 && b[semi] != ';') {
      chars += utf16Units(b[semi]);
      semi++;
    }
    if (semi >= n || b[semi] != ';') {
      throw error(at, "'&' must start a reference such as &amp; (write &amp; for a literal '&')");
    }
    String ref = decode(at + 1, semi);
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

  /** How many UTF-16 units the character whose UTF-8 encoding has byte {@code c} takes, counted at its first byte. */
  private static int utf16Units(byte c) {
    if (c >= 0) {
      return 1;
    }
    if ((c & 0xC0) == 0x80) {
      return 0; // a continuation byte
    }
    return (c & 0xF8) == 0xF0 ? 2 : 1;
  }

  private String name(String what) throws XmlParseException {
    final byte[] b = this.b;
    int start = p;
    int i = p;
    if (i < n && b[i] >= 0 && ASCII_NAME_START[b[i]]) {
      i++;
      byte c;
      while (i < n && (c = b[i]) >= 0 && ASCII_NAME_CHAR[c]) {
        i++;
      }
      if (i >= n || b[i] >= 0) {
        p = i;
        return names.get(b, start, i - start);
      }
    }
    return nonAsciiName(what, start);
  }

  /**
   * The name of the {@code index}th attribute of a start tag. Start tags of one kind follow
   * each other with the same attributes in the same order (operations in a status section):
   * the name the last start tag had there is tried first, which spares the symbol table.
   */
  private String attributeName(int index) throws XmlParseException {
    if (index < RECENT) {
      byte[] recent = recentNameKeys[index];
      int start = p;
      int end = start + (recent == null ? 0 : recent.length);
      if (recent != null && end < n && same(recent, b, start, recent.length) && (b[end] == '=' || isSpaceByte(b[end]))) {
        p = end;
        return recentNames[index];
      }
      String name = name("attribute name");
      recentNames[index] = name;
      recentNameKeys[index] = p - start == name.length() ? names.lastKey : null;
      return name;
    }
    return name("attribute name");
  }

  private static boolean isSpaceByte(byte c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }

  /** A name with non-ASCII characters (or none at all): decoded, then checked character by character. */
  private String nonAsciiName(String what, int start) throws XmlParseException {
    int end = start;
    while (end < n && (b[end] < 0 || ASCII_NAME_CHAR[b[end]])) {
      end++;
    }
    String run = decode(start, end);
    if (run.isEmpty() || !isNameStart(run.charAt(0))) {
      throw error(start, "expected " + what);
    }
    int k = 1;
    while (k < run.length() && isNameChar(run.charAt(k))) {
      k++;
    }
    String name = run.substring(0, k);
    p = start + name.getBytes(StandardCharsets.UTF_8).length;
    names.lastKey = null;
    return name.intern();
  }

  /** Skips white space, counting lines; says whether there was any. */
  private boolean skipSpace() {
    final byte[] b = this.b;
    int start = p;
    int i = p;
    while (i < n) {
      byte c = b[i];
      if (c == ' ' || c == '\t') {
        i++;
      } else if (c == '\n') {
        line++;
        i++;
      } else if (c == '\r') {
        if (i + 1 >= n || b[i + 1] != '\n') {
          line++;
        }
        i++;
      } else {
        break;
      }
    }
    p = i;
    return i > start;
  }

  private void countLines(int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '\n' || (c == '\r' && (i + 1 >= n || b[i + 1] != '\n'))) {
        line++;
      }
    }
  }

  private boolean startsWith(String prefix) {
    if (p + prefix.length() > n) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (b[p + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(String needle, int from) {
    byte first = (byte) needle.charAt(0);
    for (int i = from; i + needle.length() <= n; i++) {
      if (b[i] == first) {
        int k = 1;
        while (k < needle.length() && b[i + k] == needle.charAt(k)) {
          k++;
        }
        if (k == needle.length()) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The characters of {@code b[from, to)}; bytes that are not UTF-8 make the input unreadable. */
  private String decode(int from, int to) throws XmlParseException {
    if (utf8 == null) {
      utf8 = StandardCharsets.UTF_8.newDecoder();
    }
    try {
      return utf8.decode(ByteBuffer.wrap(b, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      XmlParseException unreadable = unreadable();
      throw unreadable != null ? unreadable : new XmlParseException(source, 0, 0, "cannot read: " + e.getMessage());
    }
  }

  /**
   * The error a reader of characters meets before any parsing when the file is not UTF-8, or
   * null: such a reader decodes the whole file first, so that error wins over any other.
   */
  private XmlParseException unreadable() {
    if (!fromFile) {
      return null;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, 0, n));
      return null;
    } catch (CharacterCodingException e) {
      return new XmlParseException(source, 0, 0, "cannot read: " + e.getMessage());
    }
  }

  /** The error at {@code pos}, with its line and column (in characters) counted afresh. */
  XmlParseException error(int pos, String message) {
    XmlParseException unreadable = unreadable();
    if (unreadable != null) {
      return unreadable;
    }
    int at = Math.min(pos, n);
    int lineOfAt = 1;
    for (int i = 0; i < at; i++) {
      byte c = b[i];
      if (c == '\n' || (c == '\r' && (i + 1 >= n || b[i + 1] != '\n'))) {
        lineOfAt++;
      }
    }
    int lineStart = at;
    while (lineStart > 0 && b[lineStart - 1] != '\n' && b[lineStart - 1] != '\r') {
      lineStart--;
    }
    int column = new String(b, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
    return new XmlParseException(source, lineOfAt, column, message);
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

  /** {@link #isNameStart} and {@link #isNameChar} for ASCII, looked up: names are most of what is scanned outside values. */
  private static final boolean[] ASCII_NAME_START = new boolean[0x80];
  private static final boolean[] ASCII_NAME_CHAR = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_NAME_START[c] = isNameStart(c);
      ASCII_NAME_CHAR[c] = isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }
  }

  private static boolean isXmlChar(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  /** An element whose end tag is still to come. */
  static final class Frame {
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
   * One String per distinct short ASCII run: names and short values repeat thousands of times
   * in a status section (operation names, digests, node names). A direct-mapped cache: a
   * collision just makes a new String, so memory stays bounded.
   */
  private static final class Symbols {
    private final byte[][] keys;
    private final String[] strings;
    private final boolean intern;
    /** The bytes of the string {@link #get} returned last. */
    byte[] lastKey;

    /** {@code size}: a power of two. */
    Symbols(int size, boolean intern) {
      this.keys = new byte[size][];
      this.strings = new String[size];
      this.intern = intern;
    }

    /** The string of the ASCII bytes {@code b[from, from + len)}. */
    String get(byte[] b, int from, int len) {
      int h = len;
      for (int i = from; i < from + len; i++) {
        h = 31 * h + b[i];
      }
      int slot = (h ^ (h >>> 15)) & (keys.length - 1);
      byte[] key = keys[slot];
      if (key != null && same(key, b, from, len)) {
        lastKey = key;
        return strings[slot];
      }
      key = Arrays.copyOfRange(b, from, from + len);
      String made = new String(key, StandardCharsets.ISO_8859_1);
      if (intern) {
        made = made.intern();
      }
      keys[slot] = key;
      strings[slot] = made;
      lastKey = key;
      return made;
    }
  }

  /** Whether {@code key} holds exactly the bytes {@code b[from, from + len)}. */
  private static boolean same(byte[] key, byte[] b, int from, int len) {
    if (key.length != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (key[i] != b[from + i]) {
        return false;
      }
    }
    return true;
  }
}
