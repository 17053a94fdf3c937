package org.vigil.crmsh.configure.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibFormatException;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlElement;

/**
 * A working copy of a CIB's configuration that crmsh statements edit; nothing is stored until
 * the caller commits {@link #candidate()}. Every edit either applies whole or throws and leaves
 * the copy as it was.
 */
public final class Workspace {
  /** Sections in the order Pacemaker writes them. */
  private static final List<String> SECTIONS = List.of("crm_config", "nodes", "resources", "constraints",
      "rsc_defaults", "op_defaults", "fencing-topology", "acls", "alerts", "tags");
  private static final Set<String> OPTIONAL_SECTIONS = Set.of("rsc_defaults", "op_defaults", "fencing-topology",
      "acls", "alerts", "tags");
  private static final Set<String> REFERENCE_ELEMENTS = Set.of("resource_ref", "obj_ref", "role");
  private static final Set<String> REFERENCE_ATTRIBUTES = Set.of("rsc", "with-rsc", "first", "then");

  private final Cib base;
  private final XmlElement baseConfiguration;
  private final AgentCatalog agents;
  private XmlElement configuration;

  public Workspace(Cib base, AgentCatalog agents) {
    this.base = base;
    this.agents = agents;
    this.baseConfiguration = normalized(CibXml.toElement(base.configuration()));
    this.configuration = baseConfiguration;
  }

  /**
   * A workspace on the same base as {@code current} whose working copy is {@code edited}'s
   * configuration (so {@code changed()} compares with the original base).
   */
  public static Workspace editing(Workspace current, Cib edited) {
    return editing(current, edited, current.agents);
  }

  /** As {@link #editing(Workspace, Cib)}, checking agents against {@code agents}. */
  public static Workspace editing(Workspace current, Cib edited, AgentCatalog agents) {
    Workspace w = new Workspace(current.base, agents);
    w.configuration = normalized(CibXml.toElement(edited.configuration()));
    return w;
  }

  public XmlElement configuration() {
    return configuration;
  }

  public XmlElement baseConfiguration() {
    return baseConfiguration;
  }

  public Cib base() {
    return base;
  }

  public boolean changed() {
    return !candidateConfigurationElement().equals(withoutEmptySections(baseConfiguration));
  }

  /** The CIB to commit: the base with this configuration (version unchanged; the caller bumps it). */
  public Cib candidate() {
    XmlElement root = CibXml.toElement(base);
    XmlElement cib = root.withChildReplaced(c -> c.name().equals("configuration"), candidateConfigurationElement());
    try {
      return CibXml.fromElement(cib, "configure");
    } catch (CibFormatException e) {
      throw new IllegalStateException("the edited configuration is not a CIB: " + e.getMessage(), e);
    }
  }

  private XmlElement candidateConfigurationElement() {
    return withoutEmptySections(configuration);
  }

  private static XmlElement withoutEmptySections(XmlElement conf) {
    return conf.withoutChildren(c -> OPTIONAL_SECTIONS.contains(c.name()) && c.children().isEmpty()
        && c.attributes().isEmpty());
  }

  private static XmlElement normalized(XmlElement conf) {
    XmlElement out = conf;
    for (String s : SECTIONS) {
      if (out.child(s).isEmpty()) {
        out = out.withChild(XmlElement.of(s));
      }
    }
    return out;
  }

  // ---- reading

  public List<Printer.Entry> entries() {
    return Printer.entries(configuration);
  }

  public Optional<Printer.Entry> entry(String id) {
    return entries().stream().filter(e -> id.equals(e.id())).findFirst();
  }

  /** Ids of every resource (templates and tags too), for constraints and completion. */
  public Set<String> resourceIds() {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (Printer.Entry e : entries()) {
      switch (e.kind()) {
        case PRIMITIVE, TEMPLATE, GROUP, CLONE, MS, BUNDLE, TAG -> out.add(e.id());
        default -> { }
      }
    }
    return out;
  }

  /** Every id defined in the configuration (references such as resource_ref excluded). */
  public static Set<String> definedIds(XmlElement e) {
    Set<String> out = new HashSet<>();
    collectIds(e, out);
    return out;
  }

  private static void collectIds(XmlElement e, Set<String> out) {
    if (e.attr("id") != null && !REFERENCE_ELEMENTS.contains(e.name())) {
      out.add(e.attr("id"));
    }
    e.children().forEach(c -> collectIds(c, out));
  }

  // ---- editing

  /** Applies one statement; {@code replace} lets it redefine an object that exists (load update). */
  public void define(Statement statement, boolean replace) {
    configuration = apply(configuration, statement, replace);
  }

  /** Applies statements in order, all or nothing. */
  public void defineAll(List<Statement> statements, boolean replace) {
    XmlElement next = configuration;
    for (Statement s : statements) {
      next = apply(next, s, replace);
    }
    configuration = next;
  }

  /** Empties the configuration except nodes and cluster properties, as crmsh's erase does. */
  public void erase(boolean nodesToo) {
    XmlElement next = configuration;
    for (String s : SECTIONS) {
      if (s.equals("crm_config") || (s.equals("nodes") && !nodesToo)) {
        continue;
      }
      next = next.withChildReplaced(c -> c.name().equals(s), XmlElement.of(s));
    }
    configuration = next;
  }

  /** Replaces the whole configuration (load replace), all or nothing. */
  public void replaceAll(List<Statement> statements) {
    XmlElement saved = configuration;
    XmlElement empty = configuration;
    for (String s : SECTIONS) {
      empty = empty.withChildReplaced(c -> c.name().equals(s), XmlElement.of(s));
    }
    configuration = empty;
    try {
      defineAll(statements, true);
    } catch (RuntimeException e) {
      configuration = saved;
      throw e;
    }
  }

  private XmlElement apply(XmlElement conf, Statement statement, boolean replace) {
    String definedId = Parser.definedId(statement);
    // Node ids live apart from the others: a remote node is named after its resource.
    boolean isNode = statement.keyword().equals("node");
    Optional<Printer.Entry> existing = definedId == null ? Optional.empty()
        : Printer.entries(conf).stream().filter(e -> definedId.equals(e.id()) && (e.kind() == Kind.NODE) == isNode)
        .findFirst();
    Set<String> taken = isNode ? definedIds(section(conf, "nodes"))
        : definedIds(conf.withoutChildren(c -> c.name().equals("nodes")));
    existing.ifPresent(e -> taken.removeAll(definedIds(e.element())));
    CibObject object = Parser.parse(statement, new IdAllocator(taken));
    Kind kind = object.kind();
    if (existing.isPresent() && kind != Kind.PROPERTY && kind != Kind.RSC_DEFAULTS && kind != Kind.OP_DEFAULTS
        && kind != Kind.FENCING_TOPOLOGY) {
      if (!replace) {
        throw SyntaxError.at(statement.tokens().get(1), "object " + object.id() + " already exists");
      }
      if (existing.get().kind() != kind) {
        throw SyntaxError.at(statement.tokens().get(1), "object " + object.id() + " exists and is a "
            + existing.get().kind().keyword() + ", not a " + kind.keyword());
      }
    }
    checkAgent(statement, object);
    XmlElement next = switch (kind) {
      case PROPERTY, RSC_DEFAULTS, OP_DEFAULTS -> mergeSet(conf, kind, object.element());
      case FENCING_TOPOLOGY -> replaceSection(conf, "fencing-topology", object.element().children());
      case PRIMITIVE, TEMPLATE -> putResource(conf, existing, object.element());
      case GROUP, CLONE, MS, BUNDLE -> putContainer(conf, statement, existing, object);
      default -> putInSection(conf, kind.section(), existing.map(Printer.Entry::element), object.element());
    };
    checkReferences(next, statement, object);
    return next;
  }

  private void checkAgent(Statement statement, CibObject object) {
    XmlElement e = object.element();
    if ((object.kind() != Kind.PRIMITIVE && object.kind() != Kind.TEMPLATE) || e.attr("class") == null) {
      return;
    }
    Agent agent = new Agent(e.attr("class"), e.attr("provider"), e.attr("type"));
    Optional<List<String>> known = agents.parameters(agent);
    if (known.isEmpty()) {
      throw SyntaxError.at(statement.tokens().get(2), "resource agent " + agent.fullName() + " is not installed");
    }
    if (known.get().isEmpty()) {
      return;
    }
    // As crmsh: a parameter the agent's meta-data does not declare is refused (pcmk_* options
    // of fence devices belong to Pacemaker's fencer, not to the agent).
    for (XmlElement set : e.children("instance_attributes")) {
      for (XmlElement pair : set.children("nvpair")) {
        boolean fencerOption = agent.resourceClass().equals("stonith") && pair.attr("name").startsWith("pcmk_");
        if (!known.get().contains(pair.attr("name")) && !fencerOption) {
          throw SyntaxError.at(tokenFor(statement, pair.attr("name") + "="), "parameter " + pair.attr("name")
              + " is not known by " + agent.fullName() + " (its parameters: " + String.join(", ", known.get()) + ")");
        }
      }
    }
  }

  private static XmlElement section(XmlElement conf, String name) {
    return conf.child(name).orElse(XmlElement.of(name));
  }

  private static XmlElement withSection(XmlElement conf, XmlElement section) {
    if (conf.child(section.name()).isPresent()) {
      return conf.withChildReplaced(c -> c.name().equals(section.name()), section);
    }
    return conf.withChild(section);
  }

  private static XmlElement replaceSection(XmlElement conf, String name, List<XmlElement> children) {
    return withSection(conf, section(conf, name).withChildren(children));
  }

  private static XmlElement putInSection(XmlElement conf, String sectionName, Optional<XmlElement> old,
      XmlElement element) {
    XmlElement section = section(conf, sectionName);
    if (old.isPresent()) {
      section = section.withChildReplaced(c -> c == old.get() || c.equals(old.get()), element);
    } else {
      section = section.withChild(element);
    }
    return withSection(conf, section);
  }

  private static XmlElement mergeSet(XmlElement conf, Kind kind, XmlElement set) {
    XmlElement section = section(conf, kind.section());
    Optional<XmlElement> old = section.children().stream()
        .filter(c -> c.name().equals(kind.element()) && set.id().equals(c.id())).findFirst();
    if (old.isEmpty()) {
      return withSection(conf, section.withChild(set));
    }
    Map<String, XmlElement> pairs = new LinkedHashMap<>();
    for (XmlElement p : old.get().children("nvpair")) {
      pairs.put(p.attr("name"), p);
    }
    for (XmlElement p : set.children("nvpair")) {
      XmlElement was = pairs.get(p.attr("name"));
      pairs.put(p.attr("name"), was == null ? p : was.withAttribute("value", p.attr("value")));
    }
    List<XmlElement> children = new ArrayList<>(set.children("rule"));
    if (children.isEmpty()) {
      children.addAll(old.get().children("rule"));
    }
    children.addAll(pairs.values());
    XmlElement merged = old.get().withChildren(children);
    return withSection(conf, section.withChildReplaced(c -> c.equals(old.get()), merged));
  }

  private static XmlElement putResource(XmlElement conf, Optional<Printer.Entry> existing, XmlElement element) {
    if (existing.isEmpty()) {
      return withSection(conf, section(conf, "resources").withChild(element));
    }
    XmlElement old = existing.get().element();
    return withSection(conf, replaceDeep(section(conf, "resources"), old, element));
  }

  private static XmlElement replaceDeep(XmlElement parent, XmlElement old, XmlElement replacement) {
    List<XmlElement> children = new ArrayList<>();
    for (XmlElement c : parent.children()) {
      if (c.equals(old)) {
        children.add(replacement);
      } else {
        children.add(replaceDeep(c, old, replacement));
      }
    }
    return parent.withChildren(children);
  }

  private static XmlElement removeDeep(XmlElement parent, java.util.function.Predicate<XmlElement> which) {
    List<XmlElement> children = new ArrayList<>();
    for (XmlElement c : parent.children()) {
      if (!which.test(c)) {
        children.add(removeDeep(c, which));
      }
    }
    return parent.withChildren(children);
  }

  private XmlElement putContainer(XmlElement conf, Statement statement, Optional<Printer.Entry> existing,
      CibObject object) {
    XmlElement resources = section(conf, "resources");
    if (existing.isPresent()) {
      // Redefining a container: its members go back to the top level first.
      XmlElement old = existing.get().element();
      List<XmlElement> released = old.children().stream().filter(c -> Kind.of("resources", c.name()).isPresent())
          .toList();
      List<XmlElement> top = new ArrayList<>();
      for (XmlElement c : resources.children()) {
        if (c.equals(old)) {
          top.addAll(released);
        } else {
          top.add(c);
        }
      }
      resources = resources.withChildren(top);
    }
    List<XmlElement> members = new ArrayList<>();
    for (String id : object.children()) {
      Token where = tokenFor(statement, id);
      Optional<XmlElement> top = resources.children().stream().filter(c -> id.equals(c.id())).findFirst();
      if (top.isEmpty()) {
        boolean nested = Printer.entries(conf).stream().anyMatch(e -> id.equals(e.id()));
        throw SyntaxError.at(where, nested ? "resource " + id + " is already inside another resource"
            : "resource " + id + " does not exist");
      }
      XmlElement m = top.get();
      boolean allowed = switch (object.kind()) {
        case GROUP, BUNDLE -> m.name().equals("primitive");
        default -> m.name().equals("primitive") || m.name().equals("group");
      };
      if (!allowed) {
        throw SyntaxError.at(where, "a " + object.kind().keyword() + " cannot contain " + m.name() + " " + id);
      }
      members.add(m);
    }
    Set<String> memberIds = new HashSet<>(object.children());
    List<XmlElement> top = new ArrayList<>();
    boolean placed = false;
    XmlElement element = object.element();
    if (object.kind() == Kind.BUNDLE) {
      List<XmlElement> children = new ArrayList<>();
      for (XmlElement c : element.children()) {
        if ((c.name().equals("meta_attributes") || c.name().equals("instance_attributes")) && !members.isEmpty()) {
          children.addAll(members);
          members.clear();
        }
        children.add(c);
      }
      children.addAll(members);
      element = element.withChildren(children);
    } else {
      element = element.withChildren(concat(element.children(), members));
    }
    for (XmlElement c : resources.children()) {
      if (memberIds.contains(c.id())) {
        if (!placed) {
          top.add(element);
          placed = true;
        }
      } else {
        top.add(c);
      }
    }
    if (!placed) {
      top.add(element);
    }
    return withSection(conf, resources.withChildren(top));
  }

  private static List<XmlElement> concat(List<XmlElement> a, List<XmlElement> b) {
    List<XmlElement> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static Token tokenFor(Statement s, String id) {
    for (Token t : s.tokens().subList(Math.min(2, s.tokens().size()), s.tokens().size())) {
      String text = t.text();
      if (text.equals(id) || text.startsWith(id + ":") || (id.endsWith("=") && text.startsWith(id))) {
        return t;
      }
    }
    return s.tokens().get(0);
  }

  private static void checkReferences(XmlElement conf, Statement statement, CibObject object) {
    Set<String> known = new HashSet<>();
    for (Printer.Entry e : Printer.entries(conf)) {
      switch (e.kind()) {
        case PRIMITIVE, TEMPLATE, GROUP, CLONE, MS, BUNDLE, TAG -> known.add(e.id());
        default -> { }
      }
    }
    List<String> refs = new ArrayList<>();
    referencedResources(object.element(), refs);
    if (object.kind() == Kind.TAG) {
      object.element().children("obj_ref").forEach(r -> refs.add(r.id()));
    }
    for (String r : refs) {
      if (!known.contains(r)) {
        throw SyntaxError.at(tokenFor(statement, r), "resource " + r + " does not exist");
      }
    }
    for (XmlElement p : object.element().children()) {
      if (p.name().equals("primitive") && p.attr("template") != null
          && Printer.entries(conf).stream().noneMatch(e -> e.kind() == Kind.TEMPLATE && p.attr("template").equals(e.id()))) {
        throw SyntaxError.at(tokenFor(statement, "@" + p.attr("template")), "template " + p.attr("template")
            + " does not exist");
      }
    }
    if (object.element().attr("template") != null && Printer.entries(conf).stream()
        .noneMatch(e -> e.kind() == Kind.TEMPLATE && object.element().attr("template").equals(e.id()))) {
      throw SyntaxError.at(statement.tokens().get(2), "template " + object.element().attr("template")
          + " does not exist");
    }
  }

  private static void referencedResources(XmlElement e, List<String> out) {
    for (String a : REFERENCE_ATTRIBUTES) {
      if (e.attr(a) != null && e.name().startsWith("rsc_")) {
        out.add(e.attr(a));
      }
    }
    if (e.name().equals("resource_ref")) {
      out.add(e.id());
    }
    e.children().forEach(c -> referencedResources(c, out));
  }

  /**
   * Deletes objects by id, with the constraints that refer to a deleted resource; returns the
   * ids of constraints removed that way. Unknown ids are refused before anything changes.
   */
  public List<String> delete(List<String> ids) {
    for (String id : ids) {
      if (entry(id).isEmpty()) {
        throw new IllegalArgumentException("object " + id + " does not exist");
      }
    }
    XmlElement next = configuration;
    Set<String> gone = new HashSet<>();
    for (String id : ids) {
      Printer.Entry e = Printer.entries(next).stream().filter(x -> id.equals(x.id())).findFirst().orElseThrow();
      if (e.kind() == Kind.FENCING_TOPOLOGY) {
        next = replaceSection(next, "fencing-topology", List.of());
        continue;
      }
      for (Printer.Entry inner : Printer.entries(e.element().withChildren(List.of()).withChild(e.element()))) {
        gone.add(inner.id());
      }
      gone.add(id);
      XmlElement target = e.element();
      next = removeDeep(next, c -> c.equals(target));
    }
    List<String> dropped = new ArrayList<>();
    List<XmlElement> constraints = new ArrayList<>();
    for (XmlElement c : section(next, "constraints").children()) {
      List<String> refs = new ArrayList<>();
      referencedResources(c, refs);
      if (refs.stream().anyMatch(gone::contains)) {
        dropped.add(c.id());
      } else {
        constraints.add(c);
      }
    }
    next = replaceSection(next, "constraints", constraints);
    next = withSection(next, emptyContainersRemoved(section(next, "resources")));
    configuration = next;
    return dropped;
  }

  private static XmlElement emptyContainersRemoved(XmlElement resources) {
    return resources.withChildren(resources.children().stream().filter(c -> !(Set.of("group", "clone", "master")
        .contains(c.name()) && c.children().stream().noneMatch(x -> Kind.of("resources", x.name()).isPresent())))
        .toList());
  }

  /** Renames an object and every reference to it. */
  public void rename(String from, String to) {
    if (entry(from).isEmpty()) {
      throw new IllegalArgumentException("object " + from + " does not exist");
    }
    if (definedIds(configuration).contains(to)) {
      throw new IllegalArgumentException("id " + to + " is already in use");
    }
    configuration = renamed(configuration, from, to);
  }

  private static XmlElement renamed(XmlElement e, String from, String to) {
    XmlElement out = e;
    if (from.equals(e.attr("id"))) {
      out = out.withAttribute("id", to);
    }
    if (e.name().startsWith("rsc_")) {
      for (String a : REFERENCE_ATTRIBUTES) {
        if (from.equals(e.attr(a))) {
          out = out.withAttribute(a, to);
        }
      }
    }
    if (from.equals(e.attr("template"))) {
      out = out.withAttribute("template", to);
    }
    List<XmlElement> children = new ArrayList<>();
    for (XmlElement c : out.children()) {
      children.add(renamed(c, from, to));
    }
    return children.equals(out.children()) ? out : out.withChildren(children);
  }

  /** The objects that differ from the base configuration (new or changed), as entries. */
  public List<Printer.Entry> changedEntries() {
    Map<String, XmlElement> before = new LinkedHashMap<>();
    for (Printer.Entry e : Printer.entries(baseConfiguration)) {
      before.put(e.kind() + "/" + e.id(), e.element());
    }
    List<Printer.Entry> out = new ArrayList<>();
    for (Printer.Entry e : entries()) {
      if (!Objects.equals(before.get(e.kind() + "/" + e.id()), e.element())) {
        out.add(e);
      }
    }
    return out;
  }

  /** Ids of objects in the base that are gone here. */
  public List<String> deletedIds() {
    Set<String> now = new HashSet<>();
    entries().forEach(e -> now.add(e.kind() + "/" + e.id()));
    List<String> out = new ArrayList<>();
    for (Printer.Entry e : Printer.entries(baseConfiguration)) {
      if (!now.contains(e.kind() + "/" + e.id())) {
        out.add(e.id());
      }
    }
    return out;
  }
}
