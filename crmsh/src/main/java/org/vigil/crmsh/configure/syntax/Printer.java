package org.vigil.crmsh.configure.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vigil.cib.xml.XmlElement;

/**
 * Prints CIB elements in crmsh's configure language as {@code crm configure show} does: one
 * statement per object, long ones continued with {@code " \"} and a tab, objects ordered by
 * kind and then by id.
 */
public final class Printer {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.#\\-]+");
  private static final String CONTINUE = " \\\n\t";

  private Printer() {}

  /** One configuration object found in a configuration, ready to print. */
  public record Entry(Kind kind, String id, XmlElement element) {}

  /** Every object of a {@code <configuration>} element, in the order {@code show} prints them. */
  public static List<Entry> entries(XmlElement configuration) {
    List<Entry> out = new ArrayList<>();
    for (XmlElement section : configuration.children()) {
      switch (section.name()) {
        case "resources" -> section.children().forEach(r -> collectResource(r, out));
        case "fencing-topology" -> {
          if (!section.children().isEmpty()) {
            out.add(new Entry(Kind.FENCING_TOPOLOGY, "fencing-topology", section));
          }
        }
        default -> {
          for (XmlElement child : section.children()) {
            Kind.of(section.name(), child.name()).ifPresent(k -> out.add(new Entry(k, child.id(), child)));
          }
        }
      }
    }
    List<Entry> sorted = new ArrayList<>(out);
    sorted.sort(Comparator.comparingInt((Entry e) -> e.kind().printRank()).thenComparing(Printer::sortKey));
    return sorted;
  }

  private static String sortKey(Entry e) {
    // Nodes keep their document order; everything else is sorted by id, as crmsh sorts.
    return switch (e.kind()) {
      case NODE -> "";
      default -> e.id() == null ? "" : e.id();
    };
  }

  private static void collectResource(XmlElement r, List<Entry> out) {
    switch (r.name()) {
      case "group", "clone", "master", "bundle" -> r.children().stream()
          .filter(c -> Kind.of("resources", c.name()).isPresent())
          .forEach(c -> collectResource(c, out));
      default -> { }
    }
    Kind.of("resources", r.name()).ifPresent(k -> out.add(new Entry(k, r.id(), r)));
  }

  /** The whole configuration as crmsh syntax, each statement ending in a newline. */
  public static String print(XmlElement configuration) {
    StringBuilder sb = new StringBuilder();
    for (Entry e : entries(configuration)) {
      sb.append(print(e)).append('\n');
    }
    return sb.toString();
  }

  /**
   * One object as a (possibly continued) crmsh statement, without the final newline. An
   * object that crmsh syntax cannot express exactly is printed as {@code xml <element>}, as
   * crmsh does.
   */
  public static String print(Entry e) {
    String text = statement(e);
    if (e.kind() == Kind.FENCING_TOPOLOGY || readsBack(e, text)) {
      return text;
    }
    return switch (e.kind()) {
      case PROPERTY, RSC_DEFAULTS, OP_DEFAULTS -> xml(XmlElement.builder(e.kind().section()).child(e.element()).build());
      case GROUP, CLONE, MS, BUNDLE -> xml(e.element().withChildren(e.element().children().stream()
          .map(c -> Kind.of("resources", c.name()).isPresent() ? XmlElement.builder(c.name()).attr("id", c.id()).build() : c)
          .toList()));
      default -> xml(e.element());
    };
  }

  private static boolean readsBack(Entry e, String text) {
    try {
      Statement s = Lexer.statements(text).get(0);
      CibObject parsed = Parser.parse(s, new IdAllocator(java.util.Set.of()));
      return Equivalence.normalize(Equivalence.shallow(parsed.element()))
          .equals(Equivalence.normalize(Equivalence.shallow(e.element())));
    } catch (SyntaxError | IndexOutOfBoundsException ex) {
      return false;
    }
  }

  /** {@code xml <element ...>}, continued over the element's lines. */
  static String xml(XmlElement element) {
    String written = org.vigil.cib.xml.XmlCodec.write(element).strip();
    if (written.startsWith("<?xml")) {
      written = written.substring(written.indexOf("?>") + 2).strip();
    }
    return "xml " + String.join(" \\\n", written.split("\n"));
  }

  private static String statement(Entry e) {
    List<String> parts = new ArrayList<>();
    String head = switch (e.kind()) {
      case NODE -> node(e.element(), parts);
      case PRIMITIVE, TEMPLATE -> primitive(e.kind(), e.element(), parts);
      case GROUP, CLONE, MS -> container(e.kind(), e.element(), parts);
      case BUNDLE -> bundle(e.element(), parts);
      case LOCATION -> location(e.element(), parts);
      case COLOCATION -> colocation(e.element());
      case ORDER -> order(e.element());
      case TICKET -> ticket(e.element());
      case PROPERTY, RSC_DEFAULTS, OP_DEFAULTS -> nvsetStatement(e.kind(), e.element(), parts);
      case FENCING_TOPOLOGY -> fencingTopology(e.element(), parts);
      case TAG -> "tag " + e.id() + " " + e.element().children("obj_ref").stream().map(XmlElement::id)
          .collect(Collectors.joining(" "));
      case ROLE -> role(e.element(), parts);
      case ACL_TARGET -> aclTarget(e.element(), parts);
      case ALERT -> alert(e.element(), parts);
    };
    StringBuilder sb = new StringBuilder(head);
    for (String p : parts) {
      sb.append(CONTINUE).append(p);
    }
    return sb.toString();
  }

  /** A value as crmsh writes it: bare when it is a plain word, else double-quoted. */
  public static String quote(String v) {
    if (v != null && PLAIN.matcher(v).matches()) {
      return v;
    }
    String s = v == null ? "" : v;
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String pair(String name, String value) {
    return value == null ? name : name + "=" + quote(value);
  }

  private static String attrs(XmlElement e, List<String> skip) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> a : e.attributes().entrySet()) {
      if (!skip.contains(a.getKey())) {
        out.add(pair(a.getKey(), a.getValue()));
      }
    }
    return String.join(" ", out);
  }

  private static String join(String... words) {
    return java.util.Arrays.stream(words).filter(w -> w != null && !w.isEmpty()).collect(Collectors.joining(" "));
  }

  static String score(String s) {
    if (s == null) {
      return null;
    }
    return switch (s) {
      case "INFINITY", "+INFINITY" -> "inf";
      case "-INFINITY" -> "-inf";
      default -> s;
    };
  }

  private static String nvsetKeyword(String element, String context) {
    return switch (element) {
      case "instance_attributes" -> context.equals("node") || context.equals("alert") ? "attributes" : "params";
      case "meta_attributes" -> "meta";
      case "utilization" -> "utilization";
      default -> null;
    };
  }

  /**
   * {@code params|meta|utilization [$id-ref=...] [$score=...] [rule ...] name=value...}; set
   * ids are not shown, as crmsh does not show them.
   */
  private static String nvset(String keyword, XmlElement set) {
    List<String> words = new ArrayList<>();
    words.add(keyword);
    if (set.attr("id-ref") != null) {
      words.add("$id-ref=" + set.attr("id-ref"));
      return String.join(" ", words);
    }
    if (set.attr("score") != null) {
      words.add("$score=" + set.attr("score"));
    }
    for (XmlElement c : set.children()) {
      if (c.name().equals("rule")) {
        words.add(rule(c));
      }
    }
    words.add(nvpairs(set));
    return join(words.toArray(String[]::new));
  }

  private static String nvpairs(XmlElement set) {
    return set.children("nvpair").stream().map(p -> pair(p.attr("name"), p.attr("value")))
        .collect(Collectors.joining(" "));
  }

  private static void nvsets(XmlElement owner, String context, List<String> parts) {
    for (XmlElement c : owner.children()) {
      String keyword = nvsetKeyword(c.name(), context);
      if (keyword != null) {
        parts.add(nvset(keyword, c));
      }
    }
  }

  // ---- objects

  private static String node(XmlElement n, List<String> parts) {
    String uname = n.attr("uname") == null ? n.id() : n.attr("uname");
    String head = n.id().equals(uname) ? "node " + uname : "node " + n.id() + ": " + uname;
    if (n.attr("type") != null) {
      head += ":" + n.attr("type");
    }
    if (n.attr("description") != null) {
      parts.add(pair("description", n.attr("description")));
    }
    for (XmlElement c : n.children()) {
      if (c.name().equals("instance_attributes")) {
        parts.add(nvset("attributes", c));
      } else if (c.name().equals("utilization")) {
        parts.add(nvset("utilization", c));
      }
    }
    return head;
  }

  private static String primitive(Kind kind, XmlElement p, List<String> parts) {
    String agent = p.attr("template") != null ? "@" + p.attr("template")
        : new Agent(p.attr("class"), p.attr("provider"), p.attr("type")).shortName();
    if (p.attr("description") != null) {
      parts.add(pair("description", p.attr("description")));
    }
    for (XmlElement c : p.children()) {
      if (c.name().equals("operations")) {
        if (c.attr("id-ref") != null) {
          parts.add("operations $id-ref=" + c.attr("id-ref"));
        } else if (c.id() != null) {
          parts.add("operations $id=" + c.id());
        }
        for (XmlElement op : c.children("op")) {
          parts.add(join("op", op.attr("name"), attrs(op, List.of("id", "name"))));
          for (XmlElement s : op.children()) {
            if (s.name().equals("instance_attributes")) {
              parts.add(nvset("op_params", s));
            } else if (s.name().equals("meta_attributes")) {
              parts.add(nvset("op_meta", s));
            }
          }
        }
      } else {
        String keyword = nvsetKeyword(c.name(), "primitive");
        if (keyword != null) {
          parts.add(nvset(keyword, c));
        }
      }
    }
    return kind.keyword() + " " + p.id() + " " + agent;
  }

  private static String container(Kind kind, XmlElement c, List<String> parts) {
    List<String> members = c.children().stream().filter(m -> Kind.of("resources", m.name()).isPresent())
        .map(XmlElement::id).toList();
    if (c.attr("description") != null) {
      parts.add(pair("description", c.attr("description")));
    }
    nvsets(c, kind.keyword(), parts);
    return kind.keyword() + " " + c.id() + " " + String.join(" ", members);
  }

  private static String bundle(XmlElement b, List<String> parts) {
    if (b.attr("description") != null) {
      parts.add(pair("description", b.attr("description")));
    }
    for (XmlElement c : b.children()) {
      switch (c.name()) {
        case "docker", "rkt", "podman" -> parts.add(join(c.name(), attrs(c, List.of())));
        case "network" -> {
          List<String> words = new ArrayList<>(List.of("network", attrs(c, List.of())));
          c.children("port-mapping").forEach(m -> words.add("port-mapping " + attrs(m, List.of())));
          parts.add(join(words.toArray(String[]::new)));
        }
        case "storage" -> {
          List<String> words = new ArrayList<>(List.of("storage"));
          c.children("storage-mapping").forEach(m -> words.add("storage-mapping " + attrs(m, List.of())));
          parts.add(join(words.toArray(String[]::new)));
        }
        case "primitive" -> parts.add("primitive " + c.id());
        default -> {
          String keyword = nvsetKeyword(c.name(), "bundle");
          if (keyword != null) {
            parts.add(nvset(keyword, c));
          }
        }
      }
    }
    return "bundle " + b.id();
  }

  private static String location(XmlElement l, List<String> parts) {
    String rsc = l.attr("rsc") != null ? l.attr("rsc") : "/" + l.attr("rsc-pattern") + "/";
    String head = join("location", l.id(), rsc, l.attr("role") == null ? null : "role=" + l.attr("role"),
        l.attr("resource-discovery") == null ? null : "resource-discovery=" + l.attr("resource-discovery"));
    if (l.attr("node") != null) {
      return head + " " + score(l.attr("score")) + ": " + l.attr("node");
    }
    for (XmlElement r : l.children("rule")) {
      parts.add("rule " + rule(r));
    }
    return head;
  }

  /** A rule without the leading {@code rule} word. */
  static String rule(XmlElement r) {
    if (r.attr("id-ref") != null) {
      return "$id-ref=" + r.attr("id-ref");
    }
    List<String> words = new ArrayList<>();
    if (r.attr("role") != null) {
      words.add("$role=" + r.attr("role"));
    }
    if (r.attr("score-attribute") != null) {
      words.add(r.attr("score-attribute") + ":");
    } else if (r.attr("score") != null && !r.attr("score").equals("INFINITY") && !r.attr("score").equals("+INFINITY")) {
      words.add(score(r.attr("score")) + ":");
    }
    String op = r.attr("boolean-op") == null ? "and" : r.attr("boolean-op");
    List<String> expressions = new ArrayList<>();
    for (XmlElement e : r.children()) {
      expressions.add(expression(e));
    }
    words.add(String.join(" " + op + " ", expressions));
    return String.join(" ", words);
  }

  private static String expression(XmlElement e) {
    switch (e.name()) {
      case "expression" -> {
        String op = e.attr("operation");
        if (op.equals("defined") || op.equals("not_defined")) {
          return op + " " + e.attr("attribute");
        }
        String typed = e.attr("type") == null ? op : e.attr("type") + ":" + op;
        return e.attr("attribute") + " " + typed + " " + quote(e.attr("value"));
      }
      case "date_expression" -> {
        String op = e.attr("operation");
        if (op.equals("date_spec")) {
          return "date spec " + e.child("date_spec").map(s -> attrs(s, List.of("id"))).orElse("");
        }
        if (op.equals("gt")) {
          return "date gt " + quote(e.attr("start"));
        }
        if (op.equals("lt")) {
          return "date lt " + quote(e.attr("end"));
        }
        return join("date in", e.attr("start") == null ? null : pair("start", e.attr("start")),
            e.attr("end") == null ? null : pair("end", e.attr("end")),
            e.child("duration").map(s -> attrs(s, List.of("id"))).orElse(null));
      }
      default -> {
        return "rule " + rule(e);
      }
    }
  }

  private static String colocation(XmlElement c) {
    String score = c.attr("score") != null ? score(c.attr("score")) + ":" : "";
    String head = join("colocation", c.id(), score);
    if (c.attr("rsc") != null) {
      return join(head, ref(c.attr("rsc"), c.attr("rsc-role")), ref(c.attr("with-rsc"), c.attr("with-rsc-role")),
          attrs(c, List.of("id", "score", "rsc", "rsc-role", "with-rsc", "with-rsc-role")));
    }
    return join(head, sets(c, "role"), attrs(c, List.of("id", "score")));
  }

  private static String ref(String rsc, String suffix) {
    return suffix == null ? rsc : rsc + ":" + suffix;
  }

  private static String sets(XmlElement constraint, String suffixAttr) {
    List<String> out = new ArrayList<>();
    for (XmlElement s : constraint.children("resource_set")) {
      String suffix = s.attr(suffixAttr);
      List<String> refs = s.children("resource_ref").stream().map(r -> ref(r.id(), suffix)).toList();
      boolean requireAllFalse = "false".equals(s.attr("require-all"));
      boolean sequentialFalse = "false".equals(s.attr("sequential"));
      String extra = attrs(s, List.of("id", suffixAttr, "require-all", "sequential"));
      if (requireAllFalse && sequentialFalse) {
        out.add(join("[", String.join(" ", refs), extra, "]"));
      } else if (sequentialFalse) {
        out.add(join("(", String.join(" ", refs), attrs(s, List.of("id", suffixAttr, "sequential")), ")"));
      } else if (!extra.isEmpty() || s.attr("require-all") != null || s.attr("sequential") != null) {
        out.add(join("(", String.join(" ", refs), attrs(s, List.of("id", suffixAttr)), ")"));
      } else {
        out.add(String.join(" ", refs));
      }
    }
    return String.join(" ", out);
  }

  private static String order(XmlElement o) {
    String kind = o.attr("kind") != null ? o.attr("kind") + ":" : o.attr("score") != null ? score(o.attr("score")) + ":"
        : null;
    String head = join("order", o.id(), kind);
    if (o.attr("first") != null) {
      return join(head, ref(o.attr("first"), o.attr("first-action")), ref(o.attr("then"), o.attr("then-action")),
          attrs(o, List.of("id", "kind", "score", "first", "first-action", "then", "then-action")));
    }
    return join(head, sets(o, "action"), attrs(o, List.of("id", "kind", "score")));
  }

  private static String ticket(XmlElement t) {
    String head = "rsc_ticket " + t.id() + " " + t.attr("ticket") + ":";
    if (t.attr("rsc") != null) {
      return join(head, ref(t.attr("rsc"), t.attr("rsc-role")), attrs(t, List.of("id", "ticket", "rsc", "rsc-role")));
    }
    return join(head, sets(t, "role"), attrs(t, List.of("id", "ticket")));
  }

  private static String nvsetStatement(Kind kind, XmlElement set, List<String> parts) {
    if (set.attr("score") != null) {
      parts.add("$score=" + set.attr("score"));
    }
    for (XmlElement c : set.children("rule")) {
      parts.add("rule " + rule(c));
    }
    for (XmlElement p : set.children("nvpair")) {
      parts.add(pair(p.attr("name"), p.attr("value")));
    }
    return kind.keyword() + " " + set.id() + ":";
  }

  private static String fencingTopology(XmlElement topology, List<String> parts) {
    Map<String, List<XmlElement>> byTarget = new java.util.LinkedHashMap<>();
    for (XmlElement level : topology.children("fencing-level")) {
      String target = level.attr("target") != null ? level.attr("target")
          : level.attr("target-pattern") != null ? "pattern:" + level.attr("target-pattern")
          : "attr:" + level.attr("target-attribute") + "=" + level.attr("target-value");
      byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(level);
    }
    byTarget.forEach((target, levels) -> {
      List<XmlElement> sorted = new ArrayList<>(levels);
      sorted.sort(Comparator.comparingInt(l -> Integer.parseInt(l.attr("index", "0"))));
      parts.add(target + ": " + sorted.stream().map(l -> l.attr("devices")).collect(Collectors.joining(" ")));
    });
    return "fencing_topology";
  }

  private static String role(XmlElement r, List<String> parts) {
    if (r.attr("description") != null) {
      parts.add(pair("description", r.attr("description")));
    }
    for (XmlElement p : r.children("acl_permission")) {
      String spec = p.attr("xpath") != null ? "xpath:" + quote(p.attr("xpath"))
          : p.attr("reference") != null ? "ref:" + quote(p.attr("reference"))
          : p.attr("object-type") != null ? "tag:" + quote(p.attr("object-type"))
          : "attribute:" + quote(p.attr("attribute"));
      parts.add(p.attr("kind") + " " + spec);
    }
    return "role " + r.id();
  }

  private static String aclTarget(XmlElement t, List<String> parts) {
    List<String> roles = t.children("role").stream().map(XmlElement::id).toList();
    if (!roles.isEmpty()) {
      parts.add(String.join(" ", roles));
    }
    return (t.name().equals("acl_user") ? "user " : "acl_target ") + t.id();
  }

  private static String alert(XmlElement a, List<String> parts) {
    if (a.attr("description") != null) {
      parts.add(pair("description", a.attr("description")));
    }
    for (XmlElement c : a.children()) {
      switch (c.name()) {
        case "select" -> parts.add("select " + c.children().stream().map(s -> s.name().substring("select_".length())
            + (s.children("attribute").isEmpty() ? "" : " { " + s.children("attribute").stream()
            .map(x -> x.attr("name")).collect(Collectors.joining(" ")) + " }")).collect(Collectors.joining(" ")));
        case "recipient" -> {
          List<String> words = new ArrayList<>(List.of("to", "\"" + c.attr("value").replace("\"", "\\\"") + "\""));
          if (c.attr("description") != null) {
            words.add(pair("description", c.attr("description")));
          }
          for (XmlElement s : c.children()) {
            String keyword = nvsetKeyword(s.name(), "alert");
            if (keyword != null) {
              words.add(nvset(keyword, s));
            }
          }
          parts.add(String.join(" ", words));
        }
        default -> {
          String keyword = nvsetKeyword(c.name(), "alert");
          if (keyword != null) {
            parts.add(nvset(keyword, c));
          }
        }
      }
    }
    return "alert " + a.id() + " \"" + a.attr("path").replace("\"", "\\\"") + "\"";
  }
}
