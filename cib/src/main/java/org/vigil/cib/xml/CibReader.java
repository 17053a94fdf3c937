package org.vigil.cib.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.cib.model.Alert;
import org.vigil.cib.model.AlertRecipient;
import org.vigil.cib.model.AttributeExpression;
import org.vigil.cib.model.Bundle;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.CibVersion;
import org.vigil.cib.model.Clone;
import org.vigil.cib.model.Colocation;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.Constraint;
import org.vigil.cib.model.DateExpression;
import org.vigil.cib.model.DateSpec;
import org.vigil.cib.model.Expression;
import org.vigil.cib.model.FencingLevel;
import org.vigil.cib.model.Group;
import org.vigil.cib.model.Location;
import org.vigil.cib.model.Lrm;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.Node;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Op;
import org.vigil.cib.model.OpExpression;
import org.vigil.cib.model.Operations;
import org.vigil.cib.model.Order;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.cib.model.ResourceSet;
import org.vigil.cib.model.RscExpression;
import org.vigil.cib.model.Rule;
import org.vigil.cib.model.Status;
import org.vigil.cib.model.Tag;
import org.vigil.cib.model.Template;
import org.vigil.cib.model.TicketConstraint;
import org.vigil.cib.model.TicketState;
import org.vigil.cib.model.TransientAttributes;

/** Turns a parsed {@code <cib>} element into the typed model. */
final class CibReader {
  private final String source;

  CibReader(String source) {
    this.source = source;
  }

  Cib read(XmlElement root) throws CibFormatException {
    return read(root, null);
  }

  /**
   * The CIB of {@code root}, whose first {@code <status>} was read into {@code streamedStatus}
   * already and left out of the tree (null: it was not, {@code root} is all there is).
   */
  Cib read(XmlElement root, Status streamedStatus) throws CibFormatException {
    if (!root.name().equals("cib")) {
      throw fail(root, "the document element is <" + root.name() + ">, expected <cib>");
    }
    Cursor c = new Cursor(root);
    CibVersion version = new CibVersion(
        version(root, c.attr("admin_epoch")), version(root, c.attr("epoch")), version(root, c.attr("num_updates")));
    XmlElement conf = c.takeOne("configuration");
    XmlElement stat = streamedStatus == null ? c.takeOne("status") : null;
    Configuration configuration = conf == null ? Configuration.EMPTY : configuration(conf);
    Status status = streamedStatus != null ? streamedStatus : stat == null ? Status.EMPTY : status(stat);
    return new Cib(version, c.rest(), configuration, status);
  }

  private long version(XmlElement e, String v) throws CibFormatException {
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n < 0) {
        throw fail(e, "negative CIB version number '" + v + "'");
      }
      return n;
    } catch (NumberFormatException ex) {
      throw fail(e, "CIB version number '" + v + "' is not an integer");
    }
  }

  private CibFormatException fail(XmlElement e, String message) {
    return new CibFormatException(source, e.line(), message);
  }

  private Configuration configuration(XmlElement e) throws CibFormatException {
    Cursor c = new Cursor(e);
    List<NvSet> crmConfig = new ArrayList<>();
    for (XmlElement cc : c.take("crm_config")) {
      crmConfig.addAll(nvsets(cc, "cluster_property_set"));
    }
    List<Node> nodes = new ArrayList<>();
    for (XmlElement ns : c.take("nodes")) {
      for (XmlElement n : ns.children()) {
        if (!n.name().equals("node")) {
          throw fail(n, "unexpected <" + n.name() + "> in <nodes>");
        }
        nodes.add(node(n));
      }
    }
    List<Resource> resources = new ArrayList<>();
    for (XmlElement rs : c.take("resources")) {
      for (XmlElement r : rs.children()) {
        resources.add(resource(r, true));
      }
    }
    List<Constraint> constraints = new ArrayList<>();
    for (XmlElement cs : c.take("constraints")) {
      for (XmlElement x : cs.children()) {
        constraints.add(constraint(x));
      }
    }
    List<NvSet> rscDefaults = new ArrayList<>();
    for (XmlElement d : c.take("rsc_defaults")) {
      rscDefaults.addAll(nvsets(d, "meta_attributes"));
    }
    List<NvSet> opDefaults = new ArrayList<>();
    for (XmlElement d : c.take("op_defaults")) {
      opDefaults.addAll(nvsets(d, "meta_attributes"));
    }
    List<FencingLevel> levels = new ArrayList<>();
    for (XmlElement ft : c.take("fencing-topology")) {
      for (XmlElement l : ft.children("fencing-level")) {
        Cursor lc = new Cursor(l);
        levels.add(new FencingLevel(lc.attr("id"), lc.attr("target"), lc.attr("target-pattern"),
            lc.attr("target-attribute"), lc.attr("target-value"), lc.attr("index"), lc.attr("devices"), lc.rest()));
      }
    }
    XmlElement acls = c.takeOne("acls");
    List<Alert> alerts = new ArrayList<>();
    for (XmlElement as : c.take("alerts")) {
      for (XmlElement a : as.children("alert")) {
        alerts.add(alert(a));
      }
    }
    List<Tag> tags = new ArrayList<>();
    for (XmlElement ts : c.take("tags")) {
      for (XmlElement t : ts.children("tag")) {
        Cursor tc = new Cursor(t);
        List<String> refs = new ArrayList<>();
        for (XmlElement r : tc.take("obj_ref")) {
          refs.add(r.id());
        }
        tags.add(new Tag(tc.attr("id"), refs, tc.rest()));
      }
    }
    return new Configuration(crmConfig, nodes, resources, constraints, rscDefaults, opDefaults, levels, acls, alerts,
        tags, c.rest());
  }

  private Alert alert(XmlElement a) {
    Cursor c = new Cursor(a);
    List<AlertRecipient> recipients = new ArrayList<>();
    for (XmlElement r : c.take("recipient")) {
      Cursor rc = new Cursor(r);
      recipients.add(new AlertRecipient(rc.attr("id"), rc.attr("value"), rc.attr("description"),
          nvsetsOf(rc, "instance_attributes"), nvsetsOf(rc, "meta_attributes"), rc.rest()));
    }
    return new Alert(c.attr("id"), c.attr("path"), c.attr("description"), nvsetsOf(c, "instance_attributes"),
        nvsetsOf(c, "meta_attributes"), recipients, c.rest());
  }

  private Node node(XmlElement n) {
    Cursor c = new Cursor(n);
    return new Node(c.attr("id"), c.attr("uname"), c.attr("type"), c.attr("description"),
        nvsetsOf(c, "instance_attributes"), nvsetsOf(c, "utilization"), c.rest());
  }

  private List<NvSet> nvsets(XmlElement container, String name) {
    List<NvSet> out = new ArrayList<>();
    for (XmlElement s : container.children(name)) {
      out.add(nvset(s));
    }
    return out;
  }

  private List<NvSet> nvsetsOf(Cursor c, String name) {
    List<NvSet> out = new ArrayList<>();
    for (XmlElement s : c.take(name)) {
      out.add(nvset(s));
    }
    return out;
  }

  private NvSet nvset(XmlElement s) {
    Cursor c = new Cursor(s);
    List<NvPair> pairs = new ArrayList<>();
    for (XmlElement p : c.take("nvpair")) {
      Cursor pc = new Cursor(p);
      pairs.add(new NvPair(pc.attr("id"), pc.attr("name"), pc.attr("value"), pc.attr("id-ref"), pc.rest()));
    }
    XmlElement ruleEl = c.takeOne("rule");
    Rule rule = ruleEl == null ? null : rule(ruleEl);
    return new NvSet(c.attr("id"), c.attr("id-ref"), c.attr("score"), rule, pairs, c.rest());
  }

  private Rule rule(XmlElement r) {
    Cursor c = new Cursor(r);
    List<Expression> expressions = new ArrayList<>();
    List<XmlElement> children = r.children();
    for (int i = 0; i < children.size(); i++) {
      Expression e = expression(children.get(i));
      if (e != null) {
        c.markRead(i);
        expressions.add(e);
      }
    }
    return new Rule(c.attr("id"), c.attr("id-ref"), c.attr("score"), c.attr("score-attribute"), c.attr("boolean-op"),
        c.attr("role"), expressions, c.rest());
  }

  private Expression expression(XmlElement x) {
    Cursor c = new Cursor(x);
    return switch (x.name()) {
      case "rule" -> rule(x);
      case "expression" -> new AttributeExpression(c.attr("id"), c.attr("attribute"), c.attr("operation"),
          c.attr("value"), c.attr("type"), c.attr("value-source"), c.rest());
      case "date_expression" -> {
        XmlElement spec = c.takeOne("date_spec");
        XmlElement duration = c.takeOne("duration");
        yield new DateExpression(c.attr("id"), c.attr("operation"), c.attr("start"), c.attr("end"),
            spec == null ? null : dateSpec(spec), duration == null ? null : dateSpec(duration), c.rest());
      }
      case "op_expression" -> new OpExpression(c.attr("id"), c.attr("name"), c.attr("interval"), c.rest());
      case "rsc_expression" -> new RscExpression(c.attr("id"), c.attr("class"), c.attr("provider"), c.attr("type"),
          c.rest());
      default -> null;
    };
  }

  private DateSpec dateSpec(XmlElement s) {
    Map<String, String> fields = new java.util.LinkedHashMap<>(s.attributes());
    String id = fields.remove("id");
    Cursor c = new Cursor(s);
    c.attr("id");
    s.attributes().keySet().forEach(c::attr);
    return new DateSpec(id, fields, c.rest());
  }

  private Resource resource(XmlElement r, boolean topLevel) throws CibFormatException {
    return switch (r.name()) {
      case "primitive" -> primitive(r);
      case "template" -> {
        if (!topLevel) {
          throw fail(r, "a <template> may only stand directly in <resources>");
        }
        yield new Template(primitive(r));
      }
      case "group" -> group(r);
      case "clone", "master" -> clone(r);
      case "bundle" -> bundle(r);
      default -> throw fail(r, "unknown resource element <" + r.name() + ">");
    };
  }

  private Primitive primitive(XmlElement r) {
    Cursor c = new Cursor(r);
    XmlElement opsEl = c.takeOne("operations");
    Operations ops = null;
    if (opsEl != null) {
      Cursor oc = new Cursor(opsEl);
      List<Op> list = new ArrayList<>();
      for (XmlElement o : oc.take("op")) {
        Cursor opc = new Cursor(o);
        list.add(new Op(opc.attr("id"), opc.attr("name"), opc.attr("interval"), opc.attr("role"),
            opc.attr("timeout"), nvsetsOf(opc, "instance_attributes"), nvsetsOf(opc, "meta_attributes"), opc.rest()));
      }
      ops = new Operations(oc.attr("id"), oc.attr("id-ref"), list, oc.rest());
    }
    return new Primitive(c.attr("id"), c.attr("class"), c.attr("provider"), c.attr("type"), c.attr("template"),
        c.attr("description"), nvsetsOf(c, "instance_attributes"), nvsetsOf(c, "meta_attributes"),
        nvsetsOf(c, "utilization"), ops, c.rest());
  }

  private Group group(XmlElement r) throws CibFormatException {
    Cursor c = new Cursor(r);
    List<Primitive> members = new ArrayList<>();
    for (XmlElement m : c.take("primitive")) {
      members.add(primitive(m));
    }
    return new Group(c.attr("id"), c.attr("description"), members, nvsetsOf(c, "instance_attributes"),
        nvsetsOf(c, "meta_attributes"), c.rest());
  }

  private Clone clone(XmlElement r) throws CibFormatException {
    Cursor c = new Cursor(r);
    XmlElement child = c.takeOne("primitive");
    if (child == null) {
      child = c.takeOne("group");
    }
    if (child == null) {
      throw fail(r, "<" + r.name() + " id=\"" + r.id() + "\"> has no primitive or group inside");
    }
    return new Clone(c.attr("id"), r.name().equals("master"), c.attr("description"), resource(child, false),
        nvsetsOf(c, "instance_attributes"), nvsetsOf(c, "meta_attributes"), c.rest());
  }

  private Bundle bundle(XmlElement r) {
    Cursor c = new Cursor(r);
    XmlElement container = c.takeOne("docker");
    if (container == null) {
      container = c.takeOne("podman");
    }
    if (container == null) {
      container = c.takeOne("rkt");
    }
    XmlElement network = c.takeOne("network");
    XmlElement storage = c.takeOne("storage");
    XmlElement prim = c.takeOne("primitive");
    return new Bundle(c.attr("id"), c.attr("description"), container, network, storage,
        prim == null ? null : primitive(prim), nvsetsOf(c, "instance_attributes"), nvsetsOf(c, "meta_attributes"),
        c.rest());
  }

  private Constraint constraint(XmlElement x) throws CibFormatException {
    Cursor c = new Cursor(x);
    return switch (x.name()) {
      case "rsc_location" -> {
        List<Rule> rules = new ArrayList<>();
        for (XmlElement r : c.take("rule")) {
          rules.add(rule(r));
        }
        yield new Location(c.attr("id"), c.attr("rsc"), c.attr("rsc-pattern"), c.attr("role"), c.attr("score"),
            c.attr("node"), c.attr("resource-discovery"), rules, sets(c), c.rest());
      }
      case "rsc_colocation" -> new Colocation(c.attr("id"), c.attr("rsc"), c.attr("with-rsc"), c.attr("rsc-role"),
          c.attr("with-rsc-role"), c.attr("score"), c.attr("node-attribute"), sets(c), c.rest());
      case "rsc_order" -> new Order(c.attr("id"), c.attr("first"), c.attr("then"), c.attr("first-action"),
          c.attr("then-action"), c.attr("kind"), c.attr("score"), c.attr("symmetrical"), c.attr("require-all"),
          sets(c), c.rest());
      case "rsc_ticket" -> new TicketConstraint(c.attr("id"), c.attr("rsc"), c.attr("rsc-role"), c.attr("ticket"),
          c.attr("loss-policy"), sets(c), c.rest());
      default -> throw fail(x, "unknown constraint element <" + x.name() + ">");
    };
  }

  private List<ResourceSet> sets(Cursor c) {
    List<ResourceSet> out = new ArrayList<>();
    for (XmlElement s : c.take("resource_set")) {
      Cursor sc = new Cursor(s);
      List<String> refs = new ArrayList<>();
      for (XmlElement r : sc.take("resource_ref")) {
        refs.add(r.id());
      }
      out.add(new ResourceSet(sc.attr("id"), sc.attr("id-ref"), sc.attr("sequential"), sc.attr("require-all"),
          sc.attr("ordering"), sc.attr("action"), sc.attr("role"), sc.attr("score"), sc.attr("kind"), refs,
          sc.rest()));
    }
    return out;
  }

  private Status status(XmlElement e) throws CibFormatException {
    Cursor c = new Cursor(e);
    List<NodeState> states = new ArrayList<>();
    for (XmlElement ns : c.take("node_state")) {
      states.add(nodeState(ns));
    }
    List<TicketState> tickets = new ArrayList<>();
    List<XmlElement> ticketEls = c.take("tickets");
    for (XmlElement ts : ticketEls) {
      tickets.addAll(ticketStates(ts));
    }
    return new Status(states, tickets, !ticketEls.isEmpty(), c.rest());
  }

  /** The {@code ticket_state}s of a {@code <tickets>} element (anything else in it is dropped). */
  List<TicketState> ticketStates(XmlElement tickets) {
    List<TicketState> out = new ArrayList<>();
    for (XmlElement t : tickets.children("ticket_state")) {
      Cursor tc = new Cursor(t);
      out.add(new TicketState(tc.attr("id"), tc.attr("granted"), tc.attr("standby"), tc.attr("last-granted"),
          tc.rest()));
    }
    return out;
  }

  TransientAttributes transientAttributes(XmlElement ta) {
    Cursor tc = new Cursor(ta);
    return new TransientAttributes(tc.attr("id"), nvsetsOf(tc, "instance_attributes"), tc.rest());
  }

  private NodeState nodeState(XmlElement ns) throws CibFormatException {
    Cursor c = new Cursor(ns);
    XmlElement ta = c.takeOne("transient_attributes");
    TransientAttributes transients = null;
    if (ta != null) {
      transients = transientAttributes(ta);
    }
    XmlElement lrmEl = c.takeOne("lrm");
    Lrm lrm = null;
    if (lrmEl != null) {
      Cursor lc = new Cursor(lrmEl);
      List<LrmResource> resources = new ArrayList<>();
      XmlElement rsEl = lc.takeOne("lrm_resources");
      String resourcesId = null;
      if (rsEl != null) {
        resourcesId = rsEl.id();
        for (XmlElement r : rsEl.children("lrm_resource")) {
          resources.add(lrmResource(r));
        }
      }
      lrm = new Lrm(lc.attr("id"), resourcesId, resources, lc.rest());
    }
    return new NodeState(c.attr("id"), c.attr("uname"), c.attr("in_ccm"), c.attr("crmd"), c.attr("join"),
        c.attr("expected"), transients, lrm, c.rest());
  }

  private LrmResource lrmResource(XmlElement r) throws CibFormatException {
    Cursor c = new Cursor(r);
    List<LrmRscOp> ops = new ArrayList<>();
    for (XmlElement o : c.take("lrm_rsc_op")) {
      ops.add(lrmRscOp(o));
    }
    return new LrmResource(c.attr("id"), c.attr("type"), c.attr("class"), c.attr("provider"), c.attr("container"),
        ops, c.rest());
  }

  private LrmRscOp lrmRscOp(XmlElement o) {
    Cursor c = new Cursor(o);
    NumberReader n = new NumberReader(c);
    return new LrmRscOp(c.attr("id"), c.attr("operation_key"), c.attr("operation"), n.asLong("interval"),
        n.asInt("rc-code"), n.asInt("op-status"), n.asInt("call-id"), c.attr("transition-key"),
        c.attr("transition-magic"), c.attr("op-digest"), n.asLong("last-rc-change"), n.asLong("last-run"),
        n.asLong("exec-time"), n.asLong("queue-time"), c.attr("exit-reason"), c.attr("on_node"),
        c.attr("crm_feature_set"), c.rest());
  }

  /**
   * Numeric history attributes: a value that is not a number is left unread, so it stays
   * in extras exactly as written and the typed field is null.
   */
  private static final class NumberReader {
    private final Cursor c;

    NumberReader(Cursor c) {
      this.c = c;
    }

    Long asLong(String name) {
      return read(name, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    Integer asInt(String name) {
      Long v = read(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
      return v == null ? null : v.intValue();
    }

    private Long read(String name, long min, long max) {
      String v = c.element().attr(name);
      if (v == null) {
        return null;
      }
      try {
        long parsed = Long.parseLong(v.trim());
        if (parsed < min || parsed > max) {
          return null;
        }
        c.attr(name);
        return parsed;
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
