package org.vigil.crmsh.configure.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.cib.xml.XmlElement;

/**
 * crmsh's configure language, one statement at a time, turned into the CIB element crmsh
 * writes for it (same structure, same generated ids). One small parser per keyword.
 */
public final class Parser {
  /** Op attributes crmsh keeps on {@code <op>}; any other name=value goes to op_params. */
  private static final Set<String> OP_ATTRIBUTES = Set.of("name", "id", "interval", "timeout", "start-delay",
      "interval-origin", "on-fail", "enabled", "record-pending", "role", "description");
  private static final Set<String> EXPRESSION_OPS = Set.of("lt", "gt", "lte", "gte", "eq", "ne");
  private static final Set<String> EXPRESSION_TYPES = Set.of("string", "integer", "number", "version");
  private static final Set<String> ORDER_KINDS = Set.of("Mandatory", "Optional", "Serialize");
  private static final Set<String> ORDER_ACTIONS = Set.of("start", "stop", "promote", "demote");
  private static final Set<String> ROLES = Set.of("Started", "Stopped", "Promoted", "Unpromoted", "Master", "Slave");
  private static final Pattern SCORE = Pattern.compile("[-+]?(\\d+|inf|INFINITY|infinity|INF)");
  private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
  /** Words that start the next part of a statement, never a name in a name/value list. */
  private static final Set<String> SECTION_WORDS = Set.of("params", "meta", "utilization", "op", "operations",
      "op_params", "op_meta", "attributes", "rule", "to", "select", "and", "or");

  private final List<Token> tokens;
  private final IdAllocator ids;
  private final Token end;
  private final String source;
  private int pos;

  private Parser(Statement statement, IdAllocator ids) {
    this.tokens = statement.tokens();
    this.source = statement.text();
    this.ids = ids;
    Token last = tokens.get(tokens.size() - 1);
    this.end = new Token("end of line", last.line(), last.column() + last.text().length());
  }

  /** Parses one definition statement; ids are generated (and claimed) from {@code ids}. */
  public static CibObject parse(Statement statement, IdAllocator ids) {
    if (statement.isEmpty()) {
      throw new SyntaxError(statement.line(), 1, "empty statement");
    }
    return new Parser(statement, ids).statement();
  }

  /** The id a statement defines, to know what it replaces before parsing it. */
  public static String definedId(Statement s) {
    List<Token> t = s.tokens();
    if (t.isEmpty()) {
      return null;
    }
    Kind kind = Kind.ofKeyword(t.get(0).text()).orElse(null);
    if (kind == null) {
      return null;
    }
    return switch (kind) {
      case PROPERTY -> setIdOf(t, "cib-bootstrap-options");
      case RSC_DEFAULTS -> setIdOf(t, "rsc-options");
      case OP_DEFAULTS -> setIdOf(t, "op-options");
      case FENCING_TOPOLOGY -> "fencing-topology";
      case NODE -> t.size() < 2 ? null : nodeIdentity(t);
      default -> t.size() < 2 ? null : stripColon(t.get(1).text());
    };
  }

  private static String setIdOf(List<Token> t, String fallback) {
    if (t.size() > 1 && t.get(1).text().startsWith("$id=")) {
      return t.get(1).text().substring(4);
    }
    if (t.size() > 1 && t.get(1).text().endsWith(":") && !t.get(1).text().contains("=")) {
      return stripColon(t.get(1).text());
    }
    return fallback;
  }

  private static String nodeIdentity(List<Token> t) {
    String first = t.get(1).text();
    if (first.startsWith("$id=")) {
      return first.substring(4);
    }
    if (first.endsWith(":")) {
      return stripColon(first);
    }
    int colon = first.indexOf(':');
    return colon > 0 ? first.substring(0, colon) : first;
  }

  private static String stripColon(String s) {
    return s.endsWith(":") ? s.substring(0, s.length() - 1) : s;
  }

  private CibObject statement() {
    Token keyword = next();
    if (keyword.is("xml")) {
      return xmlStatement(keyword);
    }
    Kind kind = Kind.ofKeyword(keyword.text())
        .orElseThrow(() -> SyntaxError.at(keyword, "unknown command '" + keyword.text() + "'"));
    CibObject object = switch (kind) {
      case NODE -> node();
      case PRIMITIVE, TEMPLATE -> primitive(kind);
      case GROUP -> group();
      case CLONE, MS -> clone(kind);
      case BUNDLE -> bundle();
      case LOCATION -> location();
      case COLOCATION -> colocation();
      case ORDER -> order();
      case TICKET -> ticket();
      case PROPERTY -> nvsetStatement(kind, "cib-bootstrap-options");
      case RSC_DEFAULTS -> nvsetStatement(kind, "rsc-options");
      case OP_DEFAULTS -> nvsetStatement(kind, "op-options");
      case FENCING_TOPOLOGY -> fencingTopology();
      case TAG -> tag();
      case ROLE -> role();
      case ACL_TARGET -> aclTarget(keyword.is("user") ? "acl_user" : "acl_target");
      case ALERT -> alert();
    };
    if (pos < tokens.size()) {
      Token extra = tokens.get(pos);
      throw SyntaxError.at(extra, "unexpected '" + extra.text() + "' in " + kind.keyword());
    }
    return object;
  }

  /** {@code xml <element .../>}: a CIB element written as XML, for what the syntax cannot say. */
  private CibObject xmlStatement(Token keyword) {
    String text = tokens.size() < 2 ? "" : source.substring(source.indexOf("xml") + 3).strip();
    pos = tokens.size();
    XmlElement e;
    try {
      e = org.vigil.cib.xml.XmlCodec.parse(text, "xml statement");
    } catch (org.vigil.cib.xml.XmlParseException ex) {
      throw SyntaxError.at(keyword, "malformed XML: " + ex.getMessage());
    }
    Kind kind = null;
    if (Set.of("crm_config", "rsc_defaults", "op_defaults").contains(e.name()) && e.children().size() == 1) {
      kind = e.name().equals("crm_config") ? Kind.PROPERTY
          : e.name().equals("rsc_defaults") ? Kind.RSC_DEFAULTS : Kind.OP_DEFAULTS;
      e = e.children().get(0);
    }
    for (Kind k : Kind.values()) {
      if (k.element().equals(e.name()) && kind == null) {
        kind = k;
      }
    }
    if (kind == null) {
      throw SyntaxError.at(keyword, "<" + e.name() + "> is not a configuration object");
    }
    if (e.id() != null && !ids.claim(e.id())) {
      throw SyntaxError.at(keyword, "id '" + e.id() + "' is already in use");
    }
    java.util.Set<String> inner = Workspace.definedIds(Equivalence.shallow(e));
    inner.remove(e.id());
    for (String id : inner) {
      if (!ids.claim(id)) {
        throw SyntaxError.at(keyword, "id '" + id + "' is already in use");
      }
    }
    if (Set.of(Kind.GROUP, Kind.CLONE, Kind.MS, Kind.BUNDLE).contains(kind)) {
      // Resources inside a container are objects of their own; here they are references.
      List<String> members = e.children().stream().filter(c -> Kind.of("resources", c.name()).isPresent())
          .map(XmlElement::id).toList();
      return new CibObject(kind, e.id(), Equivalence.shallow(e), members);
    }
    return new CibObject(kind, e.id(), e, List.of());
  }

  // ---- token stream

  private boolean atEnd() {
    return pos >= tokens.size();
  }

  private Token peek() {
    return atEnd() ? end : tokens.get(pos);
  }

  private boolean peekIs(String word) {
    return !atEnd() && tokens.get(pos).is(word);
  }

  private Token next() {
    return atEnd() ? end : tokens.get(pos++);
  }

  private Token expect(String what) {
    if (atEnd()) {
      throw SyntaxError.at(end, "expected " + what);
    }
    return tokens.get(pos++);
  }

  private String newId(String what) {
    Token t = expect(what);
    String id = stripColon(t.text());
    if (!ID.matcher(id).matches()) {
      throw SyntaxError.at(t, "'" + id + "' is not a valid id for " + what);
    }
    if (!ids.claim(id)) {
      throw SyntaxError.at(t, "id '" + id + "' is already in use");
    }
    return id;
  }

  private static boolean isNvPair(Token t) {
    int eq = t.text().indexOf('=');
    return eq > 0;
  }

  private static String name(Token t) {
    return t.text().substring(0, t.text().indexOf('='));
  }

  private static String value(Token t) {
    return t.text().substring(t.text().indexOf('=') + 1);
  }

  // ---- scores

  static boolean isScore(String word) {
    return word.endsWith(":") && SCORE.matcher(word.substring(0, word.length() - 1)).matches();
  }

  /** crmsh's score spelling to the CIB's: inf to INFINITY, -inf to -INFINITY. */
  static String cibScore(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "inf", "+inf", "infinity", "+infinity" -> "INFINITY";
      case "-inf", "-infinity" -> "-INFINITY";
      default -> s.startsWith("+") ? s.substring(1) : s;
    };
  }

  private String score(String what) {
    Token t = expect(what);
    if (!isScore(t.text())) {
      throw SyntaxError.at(t, "expected " + what + " (a number, inf or -inf followed by ':'), found '" + t.text() + "'");
    }
    return cibScore(stripColon(t.text()));
  }

  // ---- name=value sets

  /**
   * {@code [$id=ID|$id-ref=ID] [rule ...] name=value...} after params, meta, utilization,
   * attributes: one set element named {@code element}.
   */
  private XmlElement nvset(String element, String defaultId) {
    XmlElement.Builder set = XmlElement.builder(element);
    String id = null;
    if (!atEnd() && peek().text().startsWith("$id-ref=")) {
      set.attr("id-ref", value(next()));
      return set.build();
    }
    if (!atEnd() && peek().text().startsWith("$id=")) {
      Token t = next();
      id = value(t);
      if (!ids.claim(id)) {
        throw SyntaxError.at(t, "id '" + id + "' is already in use");
      }
    }
    if (!atEnd() && peek().text().startsWith("$score=")) {
      set.attr("score", cibScore(value(next())));
    }
    if (id == null) {
      id = ids.unique(defaultId);
    }
    set.attr("id", id);
    while (peekIs("rule")) {
      next();
      set.child(rule(id));
    }
    for (XmlElement pair : nvpairs(id)) {
      set.child(pair);
    }
    return set.build();
  }

  private List<XmlElement> nvpairs(String setId) {
    List<XmlElement> out = new ArrayList<>();
    while (!atEnd() && !peek().text().startsWith("$")
        && (isNvPair(peek()) || (!SECTION_WORDS.contains(peek().text()) && ID.matcher(peek().text()).matches()))) {
      Token t = next();
      // A bare name is a pair without a value, as crmsh prints one.
      String name = isNvPair(t) ? name(t) : t.text();
      String value = isNvPair(t) ? value(t) : null;
      out.add(XmlElement.builder("nvpair").attr("name", name).attr("value", value)
          .attr("id", ids.unique(setId + "-" + name)).build());
    }
    return out;
  }

  private Map<String, String> attributes() {
    Map<String, String> out = new LinkedHashMap<>();
    while (!atEnd() && isNvPair(peek())) {
      Token t = next();
      out.put(name(t), value(t));
    }
    return out;
  }

  // ---- node

  private CibObject node() {
    Token first = expect("node name");
    String id = null;
    String uname;
    if (first.text().startsWith("$id=")) {
      id = value(first);
      uname = expect("node name").text();
    } else if (first.text().endsWith(":")) {
      id = stripColon(first.text());
      uname = expect("node name").text();
    } else {
      uname = first.text();
    }
    String type = null;
    int colon = uname.indexOf(':');
    if (colon > 0) {
      type = uname.substring(colon + 1);
      uname = uname.substring(0, colon);
      if (!Set.of("normal", "member", "ping", "remote").contains(type)) {
        throw SyntaxError.at(first, "unknown node type '" + type + "' (normal, member, ping or remote)");
      }
    }
    if (id == null) {
      id = uname;
    }
    if (!ids.claim(id)) {
      throw SyntaxError.at(first, "id '" + id + "' is already in use");
    }
    XmlElement.Builder node = XmlElement.builder("node").attr("id", id).attr("uname", uname).attr("type", type);
    while (!atEnd()) {
      Token t = peek();
      if (t.text().startsWith("description=")) {
        node.attr("description", value(next()));
      } else if (t.is("attributes")) {
        next();
        node.child(nvset("instance_attributes", uname + "-instance_attributes"));
      } else if (t.is("utilization")) {
        next();
        node.child(nvset("utilization", uname + "-utilization"));
      } else {
        throw SyntaxError.at(t, "expected attributes, utilization or description=, found '" + t.text() + "'");
      }
    }
    return new CibObject(Kind.NODE, id, node.build(), List.of());
  }

  // ---- primitive and rsc_template

  private CibObject primitive(Kind kind) {
    String id = newId(kind.keyword() + " id");
    Token agent = expect("resource agent (class:provider:type or @template)");
    XmlElement.Builder p = XmlElement.builder(kind.element()).attr("id", id);
    if (agent.text().startsWith("@")) {
      if (kind == Kind.TEMPLATE) {
        throw SyntaxError.at(agent, "a template cannot refer to another template");
      }
      p.attr("template", agent.text().substring(1));
    } else {
      Agent a = Agent.parse(agent);
      p.attr("class", a.resourceClass()).attr("provider", a.provider()).attr("type", a.type());
    }
    List<XmlElement> ops = new ArrayList<>();
    List<XmlElement> sets = new ArrayList<>();
    XmlElement.Builder operations = XmlElement.builder("operations");
    boolean operationsRef = false;
    int opsAt = -1;
    while (!atEnd()) {
      Token t = next();
      switch (t.text()) {
        case "params" -> sets.add(nvset("instance_attributes", id + "-instance_attributes"));
        case "meta" -> sets.add(nvset("meta_attributes", id + "-meta_attributes"));
        case "utilization" -> sets.add(nvset("utilization", id + "-utilization"));
        case "op" -> {
          if (opsAt < 0) {
            opsAt = sets.size();
          }
          ops.add(op(id));
        }
        case "operations" -> {
          Token ref = expect("$id=ID or $id-ref=ID after operations");
          if (ref.text().startsWith("$id-ref=")) {
            operations.attr("id-ref", value(ref));
            operationsRef = true;
          } else if (ref.text().startsWith("$id=")) {
            if (!ids.claim(value(ref))) {
              throw SyntaxError.at(ref, "id '" + value(ref) + "' is already in use");
            }
            operations.attr("id", value(ref));
          } else {
            throw SyntaxError.at(ref, "expected $id=ID or $id-ref=ID after operations, found '" + ref.text() + "'");
          }
          if (opsAt < 0) {
            opsAt = sets.size();
          }
        }
        default -> {
          if (t.text().startsWith("description=")) {
            p.attr("description", value(t));
          } else {
            throw SyntaxError.at(t, "expected params, meta, utilization, op or description=, found '" + t.text() + "'");
          }
        }
      }
    }
    if (operationsRef && !ops.isEmpty()) {
      throw SyntaxError.at(agent, "operations $id-ref= and op cannot go together");
    }
    XmlElement operationsElement = operations.children(ops).build();
    for (int i = 0; i < sets.size(); i++) {
      if (i == opsAt) {
        p.child(operationsElement);
      }
      p.child(sets.get(i));
    }
    if (opsAt == sets.size()) {
      p.child(operationsElement);
    }
    return new CibObject(kind, id, p.build(), List.of());
  }

  private XmlElement op(String rscId) {
    Token name = expect("operation name");
    if (isNvPair(name)) {
      throw SyntaxError.at(name, "expected an operation name (monitor, start, ...), found '" + name.text() + "'");
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    Map<String, String> params = new LinkedHashMap<>();
    String givenId = null;
    while (!atEnd() && isNvPair(peek())) {
      Token t = next();
      String n = name(t);
      if (n.equals("$id") || n.equals("id")) {
        givenId = value(t);
      } else if (OP_ATTRIBUTES.contains(n)) {
        attrs.put(n, value(t));
      } else {
        params.put(n, value(t));
      }
    }
    String interval = attrs.getOrDefault("interval", "0");
    String id = givenId != null ? givenId : ids.unique(rscId + "-" + name.text() + "-" + interval);
    if (givenId != null && !ids.claim(givenId)) {
      throw SyntaxError.at(name, "id '" + givenId + "' is already in use");
    }
    XmlElement.Builder op = XmlElement.builder("op").attr("name", name.text()).attrs(attrs).attr("id", id);
    List<XmlElement> opParams = new ArrayList<>();
    if (!params.isEmpty()) {
      String setId = ids.unique(id + "-instance_attributes");
      XmlElement.Builder set = XmlElement.builder("instance_attributes").attr("id", setId);
      params.forEach((n, v) -> set.child(XmlElement.builder("nvpair").attr("name", n).attr("value", v)
          .attr("id", ids.unique(setId + "-" + n)).build()));
      opParams.add(set.build());
    }
    while (peekIs("op_params") || peekIs("op_meta")) {
      boolean meta = next().is("op_meta");
      opParams.add(nvset(meta ? "meta_attributes" : "instance_attributes",
          id + (meta ? "-meta_attributes" : "-instance_attributes")));
    }
    return op.children(opParams).build();
  }

  // ---- containers

  private List<String> memberIds(String what, Set<String> stopWords) {
    List<String> out = new ArrayList<>();
    while (!atEnd() && !stopWords.contains(peek().text()) && !isNvPair(peek())) {
      out.add(next().text());
    }
    if (out.isEmpty()) {
      throw SyntaxError.at(peek(), "expected " + what);
    }
    return out;
  }

  private CibObject group() {
    String id = newId("group id");
    Token first = peek();
    List<String> members = memberIds("the group's resources", Set.of("meta", "params"));
    if (members.stream().distinct().count() != members.size()) {
      throw SyntaxError.at(first, "a resource is listed twice in group " + id);
    }
    XmlElement.Builder g = XmlElement.builder("group").attr("id", id);
    containerOptions(g, id);
    return new CibObject(Kind.GROUP, id, g.build(), members);
  }

  private CibObject clone(Kind kind) {
    String id = newId(kind.keyword() + " id");
    Token child = expect("the resource to clone");
    if (isNvPair(child) || child.is("meta") || child.is("params")) {
      throw SyntaxError.at(child, "expected the resource to clone, found '" + child.text() + "'");
    }
    XmlElement.Builder c = XmlElement.builder(kind.element()).attr("id", id);
    containerOptions(c, id);
    return new CibObject(kind, id, c.build(), List.of(child.text()));
  }

  private void containerOptions(XmlElement.Builder b, String id) {
    while (!atEnd()) {
      Token t = next();
      if (t.is("meta")) {
        b.child(nvset("meta_attributes", id + "-meta_attributes"));
      } else if (t.is("params")) {
        b.child(nvset("instance_attributes", id + "-instance_attributes"));
      } else if (t.text().startsWith("description=")) {
        b.attr("description", value(t));
      } else {
        throw SyntaxError.at(t, "expected meta, params or description=, found '" + t.text() + "'");
      }
    }
  }

  private CibObject bundle() {
    String id = newId("bundle id");
    XmlElement.Builder b = XmlElement.builder("bundle").attr("id", id);
    List<String> children = new ArrayList<>();
    boolean container = false;
    while (!atEnd()) {
      Token t = next();
      switch (t.text()) {
        case "docker", "rkt", "podman" -> {
          b.child(XmlElement.builder(t.text()).attrs(attributes()).build());
          container = true;
        }
        case "network" -> {
          XmlElement.Builder n = XmlElement.builder("network").attrs(attributes());
          while (peekIs("port-mapping")) {
            next();
            n.child(mapping("port-mapping", id + "-port-map"));
          }
          b.child(n.build());
        }
        case "storage" -> {
          XmlElement.Builder s = XmlElement.builder("storage");
          while (peekIs("storage-mapping")) {
            next();
            s.child(mapping("storage-mapping", id + "-storage-map"));
          }
          b.child(s.build());
        }
        case "primitive" -> children.add(expect("the bundle's primitive").text());
        case "meta" -> b.child(nvset("meta_attributes", id + "-meta_attributes"));
        case "params" -> b.child(nvset("instance_attributes", id + "-instance_attributes"));
        default -> {
          if (t.text().startsWith("description=")) {
            b.attr("description", value(t));
          } else {
            throw SyntaxError.at(t, "expected docker, podman, rkt, network, storage, primitive or meta, found '"
                + t.text() + "'");
          }
        }
      }
    }
    if (!container) {
      throw SyntaxError.at(end, "a bundle needs a container: docker, podman or rkt");
    }
    return new CibObject(Kind.BUNDLE, id, b.build(), children);
  }

  private XmlElement mapping(String element, String base) {
    Map<String, String> attrs = attributes();
    XmlElement.Builder m = XmlElement.builder(element);
    if (!attrs.containsKey("id")) {
      m.attr("id", ids.unique(base));
    } else if (!ids.claim(attrs.get("id"))) {
      throw SyntaxError.at(tokens.get(pos - 1), "id '" + attrs.get("id") + "' is already in use");
    }
    return m.attrs(attrs).build();
  }

  // ---- location and rules

  private CibObject location() {
    String id = newId("location id");
    Token rsc = expect("resource");
    XmlElement.Builder loc = XmlElement.builder("rsc_location").attr("id", id);
    if (rsc.text().startsWith("/") && rsc.text().endsWith("/") && rsc.text().length() > 2) {
      loc.attr("rsc-pattern", rsc.text().substring(1, rsc.text().length() - 1));
    } else {
      checkResourceName(rsc);
      loc.attr("rsc", rsc.text());
    }
    while (!atEnd() && (peek().text().startsWith("role=") || peek().text().startsWith("resource-discovery="))) {
      Token t = next();
      loc.attr(name(t), value(t));
    }
    if (peekIs("rule")) {
      while (peekIs("rule")) {
        next();
        loc.child(rule(id));
      }
    } else {
      String score = score("a score");
      Token node = expect("node name");
      loc.attr("score", score).attr("node", node.text());
    }
    return new CibObject(Kind.LOCATION, id, loc.build(), List.of());
  }

  private void checkResourceName(Token t) {
    if (!ID.matcher(t.text()).matches()) {
      throw SyntaxError.at(t, "expected a resource id, found '" + t.text() + "'");
    }
  }

  /** {@code [$id=ID] [$role=ROLE] [SCORE:|ATTRIBUTE:] expression {and|or expression}}. */
  private XmlElement rule(String parentId) {
    XmlElement.Builder r = XmlElement.builder("rule");
    String id = null;
    if (!atEnd() && peek().text().startsWith("$id-ref=")) {
      return r.attr("id-ref", value(next())).build();
    }
    if (!atEnd() && peek().text().startsWith("$id=")) {
      Token t = next();
      id = value(t);
      if (!ids.claim(id)) {
        throw SyntaxError.at(t, "id '" + id + "' is already in use");
      }
    }
    if (!atEnd() && peek().text().startsWith("$role=")) {
      r.attr("role", value(next()));
    }
    Token scoreToken = peek();
    if (isScore(scoreToken.text())) {
      r.attr("score", cibScore(stripColon(next().text())));
    } else if (scoreToken.text().endsWith(":") && !scoreToken.text().contains("=") && scoreToken.text().length() > 1) {
      r.attr("score-attribute", stripColon(next().text()));
    } else {
      r.attr("score", "INFINITY");
    }
    if (id == null) {
      id = ids.unique(parentId + "-rule");
    }
    String op = null;
    List<XmlElement> expressions = new ArrayList<>();
    expressions.add(expression(id));
    while (peekIs("and") || peekIs("or")) {
      Token b = next();
      if (op != null && !op.equals(b.text())) {
        throw SyntaxError.at(b, "cannot mix 'and' and 'or' in one rule");
      }
      op = b.text();
      expressions.add(expression(id));
    }
    if ("or".equals(op)) {
      r.attr("boolean-op", "or");
    }
    return r.attr("id", id).children(expressions).build();
  }

  private XmlElement expression(String ruleId) {
    Token first = expect("a rule expression");
    if (first.is("defined") || first.is("not_defined")) {
      Token attr = expect("attribute name");
      return XmlElement.builder("expression").attr("operation", first.text()).attr("attribute", attr.text())
          .attr("id", ids.unique(ruleId + "-expression")).build();
    }
    if (first.is("date")) {
      return dateExpression(ruleId);
    }
    Token op = expect("an operator (lt, gt, lte, gte, eq, ne)");
    String type = null;
    String operation = op.text();
    int colon = operation.indexOf(':');
    if (colon > 0) {
      type = operation.substring(0, colon);
      operation = operation.substring(colon + 1);
      if (!EXPRESSION_TYPES.contains(type)) {
        throw SyntaxError.at(op, "unknown type '" + type + "' (string, integer, number or version)");
      }
    }
    if (!EXPRESSION_OPS.contains(operation)) {
      throw SyntaxError.at(op, "expected an operator (lt, gt, lte, gte, eq, ne) after '" + first.text() + "', found '"
          + op.text() + "'");
    }
    Token value = expect("a value after '" + op.text() + "'");
    return XmlElement.builder("expression").attr("operation", operation).attr("attribute", first.text())
        .attr("value", value.text()).attr("type", type).attr("id", ids.unique(ruleId + "-expression")).build();
  }

  private XmlElement dateExpression(String ruleId) {
    Token op = expect("a date operation (in, gt, lt, spec)");
    String id = ids.unique(ruleId + "-expression");
    XmlElement.Builder d = XmlElement.builder("date_expression");
    switch (op.text()) {
      case "gt", "lt" -> {
        Token when = expect("a date");
        d.attr("operation", op.text()).attr(op.is("gt") ? "start" : "end", when.text()).attr("id", id);
      }
      case "in", "in_range" -> {
        d.attr("operation", "in_range");
        Map<String, String> duration = new LinkedHashMap<>();
        while (!atEnd() && isNvPair(peek())) {
          Token t = next();
          if (name(t).equals("start") || name(t).equals("end")) {
            d.attr(name(t), value(t));
          } else {
            duration.put(name(t), value(t));
          }
        }
        d.attr("id", id);
        if (!duration.isEmpty()) {
          d.child(XmlElement.builder("duration").attrs(duration).attr("id", ids.unique(id + "-duration")).build());
        }
      }
      case "spec", "date_spec" -> {
        Map<String, String> spec = attributes();
        if (spec.isEmpty()) {
          throw SyntaxError.at(peek(), "expected date_spec fields (hours=9-16 weekdays=1-5 ...)");
        }
        d.attr("operation", "date_spec").attr("id", id);
        d.child(XmlElement.builder("date_spec").attrs(spec).attr("id", ids.unique(id + "-date_spec")).build());
      }
      default -> throw SyntaxError.at(op, "expected in, gt, lt or spec after 'date', found '" + op.text() + "'");
    }
    return d.build();
  }

  // ---- colocation, order, rsc_ticket

  /** One resource reference in a constraint, with its :role or :action suffix. */
  private record Ref(String rsc, String suffix, Token token) {}

  private Ref ref(Token t) {
    String text = t.text();
    int colon = text.indexOf(':');
    String rsc = colon > 0 ? text.substring(0, colon) : text;
    String suffix = colon > 0 ? text.substring(colon + 1) : null;
    if (!ID.matcher(rsc).matches()) {
      throw SyntaxError.at(t, "expected a resource id, found '" + text + "'");
    }
    return new Ref(rsc, suffix, t);
  }

  /** A resource set being read: its resources, bracket kind and attributes. */
  private record SetSpec(List<Ref> refs, String bracket, Map<String, String> attrs) {}

  /**
   * The resource list of a colocation, order or ticket: plain references, {@code ( ... )}
   * (sequential=false) and {@code [ ... ]} (require-all=false sequential=false).
   */
  private List<SetSpec> resourceList(Set<String> optionNames) {
    List<SetSpec> out = new ArrayList<>();
    while (!atEnd()) {
      Token t = peek();
      if (isNvPair(t) && optionNames.contains(name(t))) {
        break;
      }
      if (t.is("(") || t.is("[")) {
        next();
        String close = t.is("(") ? ")" : "]";
        List<Ref> refs = new ArrayList<>();
        Map<String, String> attrs = new LinkedHashMap<>();
        while (true) {
          Token in = peek();
          if (atEnd()) {
            throw SyntaxError.at(t, "unbalanced '" + t.text() + "': no matching '" + close + "'");
          }
          next();
          if (in.is(close)) {
            break;
          }
          if (in.is("(") || in.is("[") || in.is(")") || in.is("]")) {
            throw SyntaxError.at(in, "unexpected '" + in.text() + "' inside '" + t.text() + " ... " + close + "'");
          }
          if (isNvPair(in)) {
            attrs.put(name(in), value(in));
          } else {
            refs.add(ref(in));
          }
        }
        if (refs.isEmpty()) {
          throw SyntaxError.at(t, "empty resource set");
        }
        out.add(new SetSpec(refs, t.text(), attrs));
      } else if (t.is(")") || t.is("]")) {
        throw SyntaxError.at(t, "unbalanced '" + t.text() + "': no opening bracket");
      } else if (isNvPair(t)) {
        throw SyntaxError.at(t, "unknown option '" + name(t) + "'");
      } else {
        next();
        Ref r = ref(t);
        SetSpec last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last.bracket() == null && java.util.Objects.equals(last.refs().get(0).suffix(), r.suffix())) {
          last.refs().add(r);
        } else {
          List<Ref> refs = new ArrayList<>();
          refs.add(r);
          out.add(new SetSpec(refs, null, new LinkedHashMap<>()));
        }
      }
    }
    return out;
  }

  private static int refCount(List<SetSpec> sets) {
    return sets.stream().mapToInt(s -> s.refs().size()).sum();
  }

  private static boolean simplePair(List<SetSpec> sets) {
    return refCount(sets) == 2 && sets.stream().allMatch(s -> s.bracket() == null);
  }

  private List<XmlElement> resourceSets(String constraintId, List<SetSpec> sets, String suffixAttr) {
    List<XmlElement> out = new ArrayList<>();
    for (SetSpec s : sets) {
      XmlElement.Builder b = XmlElement.builder("resource_set");
      if ("[".equals(s.bracket())) {
        b.attr("require-all", "false").attr("sequential", "false");
      } else if ("(".equals(s.bracket())) {
        b.attr("sequential", "false");
      }
      String suffix = s.refs().get(0).suffix();
      for (Ref r : s.refs()) {
        if (r.suffix() != null) {
          suffix = r.suffix();
        }
      }
      if (suffix != null) {
        b.attr(suffixAttr, suffixValue(suffixAttr, s.refs().get(0).token(), suffix));
      }
      b.attrs(s.attrs());
      b.attr("id", ids.unique(constraintId + "-" + out.size()));
      for (Ref r : s.refs()) {
        b.child(XmlElement.builder("resource_ref").attr("id", r.rsc()).build());
      }
      out.add(b.build());
    }
    return out;
  }

  private static String suffixValue(String attr, Token where, String suffix) {
    if (attr.equals("action")) {
      if (!ORDER_ACTIONS.contains(suffix)) {
        throw SyntaxError.at(where, "unknown action '" + suffix + "' (start, stop, promote or demote)");
      }
    } else if (!ROLES.contains(suffix)) {
      throw SyntaxError.at(where, "unknown role '" + suffix + "' (Started, Stopped, Promoted or Unpromoted)");
    }
    return suffix;
  }

  private CibObject colocation() {
    String id = newId("colocation id");
    String score = score("a score");
    Token first = peek();
    List<SetSpec> sets = resourceList(Set.of("node-attribute"));
    Map<String, String> options = attributes();
    if (refCount(sets) < 2) {
      throw SyntaxError.at(first, "a colocation needs at least two resources");
    }
    XmlElement.Builder c = XmlElement.builder("rsc_colocation").attr("id", id).attr("score", score);
    if (simplePair(sets)) {
      List<Ref> refs = sets.stream().flatMap(s -> s.refs().stream()).toList();
      c.attr("rsc", refs.get(0).rsc());
      if (refs.get(0).suffix() != null) {
        c.attr("rsc-role", suffixValue("role", refs.get(0).token(), refs.get(0).suffix()));
      }
      c.attr("with-rsc", refs.get(1).rsc());
      if (refs.get(1).suffix() != null) {
        c.attr("with-rsc-role", suffixValue("role", refs.get(1).token(), refs.get(1).suffix()));
      }
      c.attrs(options);
    } else {
      c.attrs(options).children(resourceSets(id, sets, "role"));
    }
    return new CibObject(Kind.COLOCATION, id, c.build(), List.of());
  }

  private CibObject order() {
    String id = newId("order id");
    XmlElement.Builder o = XmlElement.builder("rsc_order").attr("id", id);
    Token kindToken = peek();
    String kindWord = stripColon(kindToken.text());
    String kind = kindWord.isEmpty() ? null
        : kindWord.substring(0, 1).toUpperCase(Locale.ROOT) + kindWord.substring(1).toLowerCase(Locale.ROOT);
    if (kindToken.text().endsWith(":") && ORDER_KINDS.contains(kind)) {
      next();
      o.attr("kind", kind);
    } else if (isScore(kindToken.text())) {
      String score = cibScore(stripColon(next().text()));
      if (score.equals("INFINITY")) {
        o.attr("kind", "Mandatory");
      } else if (score.equals("0")) {
        o.attr("kind", "Optional");
      } else {
        o.attr("score", score);
      }
    } else if (kindToken.text().endsWith(":")) {
      throw SyntaxError.at(kindToken, "expected a kind (Mandatory, Optional, Serialize) or a score, found '"
          + kindToken.text() + "'");
    }
    Token first = peek();
    List<SetSpec> sets = resourceList(Set.of("symmetrical", "require-all"));
    Map<String, String> options = attributes();
    if (refCount(sets) < 2) {
      throw SyntaxError.at(first, "an order needs at least two resources");
    }
    if (options.containsKey("symmetrical")) {
      o.attr("symmetrical", options.remove("symmetrical"));
    }
    if (simplePair(sets)) {
      List<Ref> refs = sets.stream().flatMap(s -> s.refs().stream()).toList();
      o.attr("first", refs.get(0).rsc());
      if (refs.get(0).suffix() != null) {
        o.attr("first-action", suffixValue("action", refs.get(0).token(), refs.get(0).suffix()));
      }
      o.attr("then", refs.get(1).rsc());
      if (refs.get(1).suffix() != null) {
        o.attr("then-action", suffixValue("action", refs.get(1).token(), refs.get(1).suffix()));
      }
      o.attrs(options);
    } else {
      o.attrs(options).children(resourceSets(id, sets, "action"));
    }
    return new CibObject(Kind.ORDER, id, o.build(), List.of());
  }

  private CibObject ticket() {
    String id = newId("rsc_ticket id");
    Token ticket = expect("ticket name followed by ':'");
    if (!ticket.text().endsWith(":") || ticket.text().length() < 2) {
      throw SyntaxError.at(ticket, "expected a ticket name followed by ':', found '" + ticket.text() + "'");
    }
    Token first = peek();
    List<SetSpec> sets = resourceList(Set.of("loss-policy"));
    Map<String, String> options = attributes();
    if (refCount(sets) < 1) {
      throw SyntaxError.at(first, "a ticket constraint needs at least one resource");
    }
    XmlElement.Builder t = XmlElement.builder("rsc_ticket").attr("id", id).attr("ticket", stripColon(ticket.text()));
    t.attrs(options);
    if (refCount(sets) == 1 && sets.get(0).bracket() == null) {
      Ref r = sets.get(0).refs().get(0);
      t.attr("rsc", r.rsc());
      if (r.suffix() != null) {
        t.attr("rsc-role", suffixValue("role", r.token(), r.suffix()));
      }
    } else {
      t.children(resourceSets(id, sets, "role"));
    }
    return new CibObject(Kind.TICKET, id, t.build(), List.of());
  }

  // ---- property, rsc_defaults, op_defaults

  private CibObject nvsetStatement(Kind kind, String defaultId) {
    String id = defaultId;
    Token t = peek();
    if (t.text().startsWith("$id=")) {
      id = value(next());
    } else if (t.text().endsWith(":") && !t.text().contains("=") && !atEnd()) {
      id = stripColon(next().text());
    }
    XmlElement.Builder set = XmlElement.builder(kind.element()).attr("id", id);
    ids.claim(id);
    if (!atEnd() && peek().text().startsWith("$score=")) {
      set.attr("score", cibScore(value(next())));
    }
    while (peekIs("rule")) {
      next();
      set.child(rule(id));
    }
    List<XmlElement> pairs = nvpairs(id);
    if (pairs.isEmpty() && (!atEnd() || id.equals(defaultId))) {
      throw SyntaxError.at(peek(), "expected name=value, found '" + peek().text() + "'");
    }
    return new CibObject(kind, id, set.children(pairs).build(), List.of());
  }

  // ---- fencing_topology, tag, acls, alerts

  private CibObject fencingTopology() {
    XmlElement.Builder topology = XmlElement.builder("fencing-topology");
    String target = null;
    Map<String, Integer> index = new LinkedHashMap<>();
    List<String> untargeted = new ArrayList<>();
    if (atEnd()) {
      throw SyntaxError.at(end, "expected fencing levels (node: device[,device] ...)");
    }
    while (!atEnd()) {
      Token t = next();
      if (t.text().endsWith(":")) {
        target = stripColon(t.text());
        continue;
      }
      if (target == null) {
        untargeted.add(t.text());
        continue;
      }
      int n = index.merge(target, 1, Integer::sum);
      XmlElement.Builder level = XmlElement.builder("fencing-level");
      if (target.startsWith("attr:")) {
        String[] kv = target.substring(5).split("=", 2);
        level.attr("target-attribute", kv[0]).attr("target-value", kv.length > 1 ? kv[1] : "");
      } else if (target.startsWith("pattern:")) {
        level.attr("target-pattern", target.substring(8));
      } else {
        level.attr("target", target);
      }
      topology.child(level.attr("index", n).attr("devices", t.text()).attr("id", ids.unique("fencing")).build());
    }
    if (!untargeted.isEmpty()) {
      throw SyntaxError.at(tokens.get(1), "fencing levels need a target: write 'node: device'");
    }
    return new CibObject(Kind.FENCING_TOPOLOGY, "fencing-topology", topology.build(), List.of());
  }

  private CibObject tag() {
    String id = newId("tag id");
    List<String> refs = memberIds("the tagged resources", Set.of());
    XmlElement.Builder t = XmlElement.builder("tag").attr("id", id);
    for (String r : refs) {
      t.child(XmlElement.builder("obj_ref").attr("id", r).build());
    }
    return new CibObject(Kind.TAG, id, t.build(), List.of());
  }

  private CibObject role() {
    String id = newId("role id");
    XmlElement.Builder r = XmlElement.builder("acl_role").attr("id", id);
    if (atEnd()) {
      throw SyntaxError.at(end, "expected a permission (read, write or deny) for role " + id);
    }
    while (!atEnd()) {
      Token kind = next();
      if (kind.text().startsWith("description=")) {
        r.attr("description", value(kind));
        continue;
      }
      if (!Set.of("read", "write", "deny").contains(kind.text())) {
        throw SyntaxError.at(kind, "expected read, write or deny, found '" + kind.text() + "'");
      }
      XmlElement.Builder perm = XmlElement.builder("acl_permission").attr("kind", kind.text());
      Token spec = expect("xpath:, ref:, tag: or attribute: after '" + kind.text() + "'");
      int colon = spec.text().indexOf(':');
      String what = colon > 0 ? spec.text().substring(0, colon) : "";
      String value = colon > 0 ? spec.text().substring(colon + 1) : "";
      switch (what) {
        case "xpath" -> perm.attr("xpath", value);
        case "ref", "reference" -> perm.attr("reference", value);
        case "tag" -> perm.attr("object-type", value);
        case "attribute", "attr" -> perm.attr("attribute", value);
        default -> throw SyntaxError.at(spec, "expected xpath:, ref:, tag: or attribute:, found '" + spec.text() + "'");
      }
      r.child(perm.attr("id", ids.unique(id)).build());
    }
    return new CibObject(Kind.ROLE, id, r.build(), List.of());
  }

  private CibObject aclTarget(String element) {
    String id = newId("acl_target id");
    XmlElement.Builder t = XmlElement.builder(element).attr("id", id);
    while (!atEnd()) {
      Token role = next();
      String name = role.text().startsWith("role:") ? role.text().substring(5) : role.text();
      t.child(XmlElement.builder("role").attr("id", name).build());
    }
    return new CibObject(Kind.ACL_TARGET, id, t.build(), List.of());
  }

  private CibObject alert() {
    String id = newId("alert id");
    Token path = expect("the alert agent's path");
    XmlElement.Builder a = XmlElement.builder("alert").attr("id", id).attr("path", path.text());
    int recipients = 0;
    while (!atEnd()) {
      Token t = next();
      switch (t.text()) {
        case "meta" -> a.child(nvset("meta_attributes", id + "-meta_attributes"));
        case "attributes" -> a.child(nvset("instance_attributes", id + "-instance_attributes"));
        case "select" -> a.child(select());
        case "to" -> a.child(recipient(id, ++recipients));
        default -> {
          if (t.text().startsWith("description=")) {
            a.attr("description", value(t));
          } else {
            throw SyntaxError.at(t, "expected meta, attributes, select, to or description=, found '" + t.text() + "'");
          }
        }
      }
    }
    return new CibObject(Kind.ALERT, id, a.build(), List.of());
  }

  private XmlElement select() {
    XmlElement.Builder s = XmlElement.builder("select");
    boolean any = false;
    while (!atEnd() && Set.of("nodes", "fencing", "resources", "attributes").contains(peek().text())) {
      // "attributes name=value" after select is the alert's own attributes, not select_attributes.
      if (peek().is("attributes") && !(pos + 1 < tokens.size() && tokens.get(pos + 1).is("{"))
          && pos + 1 < tokens.size() && isNvPair(tokens.get(pos + 1))) {
        break;
      }
      Token t = next();
      XmlElement.Builder kind = XmlElement.builder("select_" + t.text());
      if (t.is("attributes") && peekIs("{")) {
        next();
        while (!peekIs("}")) {
          kind.child(XmlElement.builder("attribute").attr("name", expect("'}'").text()).build());
        }
        next();
      }
      s.child(kind.build());
      any = true;
    }
    if (!any) {
      throw SyntaxError.at(peek(), "expected nodes, fencing, resources or attributes after select");
    }
    return s.build();
  }

  private XmlElement recipient(String alertId, int n) {
    boolean braced = peekIs("{");
    if (braced) {
      next();
    }
    Token value = expect("the recipient");
    String id = ids.unique(alertId + "-recipient-" + n);
    XmlElement.Builder r = XmlElement.builder("recipient").attr("id", id).attr("value", value.text());
    while (peekIs("meta") || peekIs("attributes") || (!atEnd() && peek().text().startsWith("description="))) {
      Token t = next();
      if (t.is("meta")) {
        r.child(nvset("meta_attributes", id + "-meta_attributes"));
      } else if (t.is("attributes")) {
        r.child(nvset("instance_attributes", id + "-instance_attributes"));
      } else {
        r.attr("description", value(t));
      }
    }
    if (braced) {
      Token close = expect("'}'");
      if (!close.is("}")) {
        throw SyntaxError.at(close, "expected '}', found '" + close.text() + "'");
      }
    }
    return r.build();
  }
}
