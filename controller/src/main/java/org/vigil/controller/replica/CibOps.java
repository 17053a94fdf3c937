package org.vigil.controller.replica;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.cib.edit.ConfigurationUpdate;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.CibVersion;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.Extras;
import org.vigil.cib.model.Node;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.Status;
import org.vigil.cib.validate.CibValidator;
import org.vigil.cib.validate.Problem;
import org.vigil.cib.xml.CibFormatException;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlCodec;
import org.vigil.cib.xml.XmlElement;
import org.vigil.cib.xml.XmlParseException;
import org.vigil.controller.transition.StatusChange;
import org.vigil.protocol.ErrorCode;
import org.vigil.protocol.Request;
import org.vigil.protocol.Scope;

/**
 * Applies one {@link CibOp} to a CIB: the whole change or, with {@link Refused}, nothing. The
 * result carries its new version: epoch up (num_updates to 0) when the configuration changed,
 * num_updates up when only the status or the cib element's attributes did; an operation that
 * changes nothing returns the CIB as it was.
 */
public final class CibOps {
  private CibOps() {}

  /** Why an operation was not applied. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public Refused(ErrorCode code, String message) {
      super(message);
      this.code = code;
    }

    public ErrorCode code() {
      return code;
    }
  }

  public static Cib apply(Cib current, CibOp op) throws Refused {
    return apply(current, op, true);
  }

  /**
   * Applies an operation the DC has already applied and validated: the same result, without checking
   * the configuration again (validation is a pure function of the same input, so it cannot differ).
   */
  public static Cib replay(Cib current, CibOp op) throws Refused {
    return apply(current, op, false);
  }

  private static Cib apply(Cib current, CibOp op, boolean validate) throws Refused {
    if (op instanceof CibOp.Client c) {
      Cib next = applyClient(current, c.request(), validate);
      return next == current ? current : stamped(next, c.stamp());
    } else if (op instanceof CibOp.MembershipStatus m) {
      return bump(current, membership(current, m), Optional.empty());
    } else if (op instanceof CibOp.Status s) {
      Cib next = current;
      try {
        for (StatusChange c : s.changes()) {
          next = c.applyTo(next);
        }
      } catch (IllegalArgumentException e) {
        throw new Refused(ErrorCode.INVALID_CIB, "status update refused: " + e.getMessage());
      }
      return bump(current, next, Optional.empty());
    }
    throw new AssertionError(op);
  }

  private static Cib applyClient(Cib current, Request request, boolean validate) throws Refused {
    if (request instanceof Request.Replace r) {
      if (r.expected().isPresent() && !r.expected().get().equals(current.version())) {
        throw new Refused(ErrorCode.VERSION_CONFLICT, "the CIB changed since it was read (version "
            + r.expected().get() + " is now " + current.version() + "); nothing written");
      }
      if (r.scope() == Scope.CIB) {
        Cib given = parseCib(r.xml(), "replace");
        return checked(validate, current, bump(current, given, Optional.of(given.version().adminEpoch())));
      }
      Configuration given = parseConfiguration(r.xml(), "replace");
      return checked(validate, current, bump(current, current.withConfiguration(given), Optional.empty()));
    } else if (request instanceof Request.Update u) {
      return checked(validate, current, bump(current, update(current, u.xml()), Optional.empty()));
    } else if (request instanceof Request.Delete d) {
      return checked(validate, current, bump(current, delete(current, d.id()), Optional.empty()));
    }
    throw new AssertionError(request);
  }

  /**
   * {@code next} with the version that follows {@code current}: admin_epoch never goes down (a
   * replace may raise it, as cibadmin allows), then epoch or num_updates up.
   */
  static Cib bump(Cib current, Cib next, Optional<Long> adminEpoch) {
    long admin = Math.max(current.version().adminEpoch(), adminEpoch.orElse(0L));
    boolean configChanged = !next.configuration().equals(current.configuration());
    CibVersion v = current.version();
    if (admin > v.adminEpoch()) {
      return next.withVersion(new CibVersion(admin, v.epoch(), 0));
    }
    if (configChanged) {
      return next.withVersion(v.nextEpoch());
    }
    if (next.status().equals(current.status()) && next.attributes().equals(current.attributes())) {
      return current;
    }
    return next.withVersion(v.nextUpdate());
  }

  /** Validates {@code next} when its configuration differs from {@code current}'s (its epoch moved). */
  private static Cib checked(boolean validate, Cib current, Cib next) throws Refused {
    boolean configMayHaveChanged = next.version().epoch() != current.version().epoch()
        || next.version().adminEpoch() != current.version().adminEpoch();
    if (!validate || !configMayHaveChanged) {
      return next;
    }
    List<Problem> errors = CibValidator.validate(next).stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw new Refused(ErrorCode.INVALID_CIB, errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1)
          + " more error(s))" : "") + "; the CIB is unchanged");
    }
    return next;
  }

  /** Pacemaker's cib-last-written layout (ctime), in UTC so that every member writes the same text. */
  private static final DateTimeFormatter CTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static Cib stamped(Cib cib, CibOp.Stamp stamp) {
    Cib out = cib.withAttribute("cib-last-written", CTIME.format(Instant.ofEpochSecond(stamp.epochSecond())))
        .withAttribute("update-client", stamp.client())
        .withAttribute("update-origin", stamp.origin());
    return stamp.user().isEmpty() ? out : out.withAttribute("update-user", stamp.user());
  }

  // ---- parsing ---------------------------------------------------------------------------

  private static XmlElement parseXml(String xml, String what) throws Refused {
    try {
      return XmlCodec.parse(xml, what);
    } catch (XmlParseException e) {
      throw new Refused(ErrorCode.INVALID_XML, "malformed XML: " + e.getMessage() + "; the CIB is unchanged");
    }
  }

  private static Cib fromElement(XmlElement root, String what) throws Refused {
    try {
      return CibXml.fromElement(root, what);
    } catch (CibFormatException e) {
      throw new Refused(ErrorCode.INVALID_XML, "not a CIB: " + e.getMessage() + "; the CIB is unchanged");
    }
  }

  private static Cib parseCib(String xml, String what) throws Refused {
    XmlElement root = parseXml(xml, what);
    if (!root.name().equals("cib")) {
      throw new Refused(ErrorCode.INVALID_XML, what + ": expected <cib>, found <" + root.name() + ">");
    }
    return fromElement(root, what);
  }

  private static Configuration parseConfiguration(String xml, String what) throws Refused {
    XmlElement root = parseXml(xml, what);
    if (root.name().equals("cib")) {
      return fromElement(root, what).configuration();
    }
    if (!root.name().equals("configuration")) {
      throw new Refused(ErrorCode.INVALID_XML, what + ": expected <cib> or <configuration>, found <" + root.name() + ">");
    }
    return fromElement(XmlElement.builder("cib").child(root).build(), what).configuration();
  }

  // ---- update and delete -----------------------------------------------------------------

  private static Cib update(Cib current, String xml) throws Refused {
    XmlElement root = parseXml(xml, "update");
    switch (root.name()) {
      case "cib" -> {
        Cib given = fromElement(root, "update");
        Cib merged = current.withConfiguration(ConfigurationUpdate.merge(current.configuration(), given.configuration()));
        return withNodeStates(merged, given.status().nodeStates());
      }
      case "configuration" -> {
        Configuration given = parseConfiguration(xml, "update");
        return current.withConfiguration(ConfigurationUpdate.merge(current.configuration(), given));
      }
      case "status" -> {
        Cib given = fromElement(XmlElement.builder("cib").child(root).build(), "update");
        return withNodeStates(current, given.status().nodeStates());
      }
      case "node_state" -> {
        XmlElement status = XmlElement.builder("status").child(root).build();
        Cib given = fromElement(XmlElement.builder("cib").child(status).build(), "update");
        return withNodeStates(current, given.status().nodeStates());
      }
      default -> throw new Refused(ErrorCode.INVALID_XML,
          "update: expected <cib>, <configuration>, <status> or <node_state>, found <" + root.name() + ">");
    }
  }

  /** The CIB with these node states replacing those of the same id (new ones appended). */
  static Cib withNodeStates(Cib cib, List<NodeState> states) {
    if (states.isEmpty()) {
      return cib;
    }
    Map<String, NodeState> byId = new LinkedHashMap<>();
    for (NodeState s : cib.status().nodeStates()) {
      byId.put(s.id(), s);
    }
    for (NodeState s : states) {
      byId.put(s.id(), s);
    }
    Status st = cib.status();
    return cib.withStatus(new Status(new ArrayList<>(byId.values()), st.tickets(), st.hasTicketsElement(), st.extras()));
  }

  private static Cib delete(Cib current, String id) throws Refused {
    XmlElement root = CibXml.toElement(current);
    XmlElement config = root.child("configuration").orElseThrow();
    Optional<XmlElement> pruned = without(config, id);
    if (pruned.isEmpty()) {
      throw new Refused(ErrorCode.NOT_FOUND, "no object with id '" + id + "' in the configuration; the CIB is unchanged");
    }
    XmlElement next = root.withChildReplaced(c -> c.name().equals("configuration"), pruned.get());
    return fromElement(next, "delete");
  }

  /** {@code e} without its first descendant of that id, or empty when none has it. */
  private static Optional<XmlElement> without(XmlElement e, String id) {
    List<XmlElement> children = e.children();
    for (int i = 0; i < children.size(); i++) {
      XmlElement c = children.get(i);
      if (id.equals(c.attr("id"))) {
        List<XmlElement> rest = new ArrayList<>(children);
        rest.remove(i);
        return Optional.of(e.withChildren(rest));
      }
      Optional<XmlElement> inner = without(c, id);
      if (inner.isPresent()) {
        List<XmlElement> next = new ArrayList<>(children);
        next.set(i, inner.get());
        return Optional.of(e.withChildren(next));
      }
    }
    return Optional.empty();
  }

  // ---- membership ------------------------------------------------------------------------

  private static Cib membership(Cib current, CibOp.MembershipStatus m) {
    Configuration config = current.configuration();
    List<Node> nodes = new ArrayList<>(config.nodes());
    for (CibOp.NodeEntry n : m.nodes()) {
      boolean known = nodes.stream().anyMatch(x -> n.uname().equals(x.uname()) || n.id().equals(x.id()));
      if (n.member() && !known) {
        nodes.add(Node.of(n.id(), n.uname()));
      }
    }
    List<NodeState> states = new ArrayList<>();
    for (CibOp.NodeEntry n : m.nodes()) {
      Optional<NodeState> old = current.status().nodeStates().stream().filter(s -> n.id().equals(s.id())).findFirst();
      if (old.isEmpty() && !n.member()) {
        continue; // never seen in this cluster: Pacemaker has no node_state for it either
      }
      NodeState base = old.orElse(new NodeState(n.id(), n.uname(), null, null, null, null, null, null, Extras.NONE));
      states.add(new NodeState(n.id(), n.uname(), n.member() ? "true" : "false", n.member() ? "online" : "offline",
          n.member() ? "member" : "down", n.expected(), base.transientAttributes(), base.lrm(), base.extras()));
    }
    Cib next = withNodeStates(current.withConfiguration(config.withNodes(nodes)), states)
        .withAttribute("dc-uuid", m.dcId())
        .withAttribute("have-quorum", m.quorate() ? "1" : "0");
    return next;
  }
}
