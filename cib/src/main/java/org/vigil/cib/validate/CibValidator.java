package org.vigil.cib.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.vigil.cib.model.AttributeExpression;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Colocation;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.Constraint;
import org.vigil.cib.model.DateExpression;
import org.vigil.cib.model.Expression;
import org.vigil.cib.model.Location;
import org.vigil.cib.model.Node;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Op;
import org.vigil.cib.model.Order;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.cib.model.ResourceSet;
import org.vigil.cib.model.Role;
import org.vigil.cib.model.Rule;
import org.vigil.cib.model.Tag;
import org.vigil.cib.model.Template;
import org.vigil.cib.model.TicketConstraint;
import org.vigil.cib.validate.Problem.Severity;
import org.vigil.cib.values.Durations;
import org.vigil.cib.values.Score;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlElement;

/**
 * Checks a CIB's configuration for what Pacemaker would refuse (errors) or silently ignore
 * (warnings): ids, references between objects, scores, roles, kinds, durations, rules.
 */
public final class CibValidator {
  private static final Set<String> CLASSES =
      Set.of("ocf", "lsb", "service", "systemd", "stonith", "upstart", "nagios", "heartbeat");
  private static final Set<String> ORDER_KINDS = Set.of("Mandatory", "Optional", "Serialize");
  private static final Set<String> ACTIONS = Set.of("start", "stop", "promote", "demote");
  private static final Set<String> LOSS_POLICIES = Set.of("stop", "demote", "fence", "freeze");
  private static final Set<String> ON_FAIL =
      Set.of("ignore", "block", "stop", "restart", "standby", "fence", "restart-container", "demote");
  private static final Set<String> ATTRIBUTE_OPS =
      Set.of("lt", "gt", "lte", "gte", "eq", "ne", "defined", "not_defined");
  private static final Set<String> DATE_OPS = Set.of("in_range", "gt", "lt", "date_spec");
  private static final Set<String> VALUE_TYPES = Set.of("string", "integer", "number", "version");
  private static final Set<String> DISCOVERY = Set.of("always", "never", "exclusive");

  private final List<Problem> problems = new ArrayList<>();

  private CibValidator() {}

  /** Every problem found, errors and warnings, in the order met. */
  public static List<Problem> validate(Cib cib) {
    CibValidator v = new CibValidator();
    v.check(cib.configuration());
    return List.copyOf(v.problems);
  }

  public static boolean hasErrors(List<Problem> problems) {
    return problems.stream().anyMatch(Problem::isError);
  }

  private void error(String where, String message) {
    problems.add(new Problem(Severity.ERROR, where, 0, message));
  }

  private void warning(String where, String message) {
    problems.add(new Problem(Severity.WARNING, where, 0, message));
  }

  private void check(Configuration c) {
    checkIds(CibXml.toElement(c));
    Set<String> unames = new HashSet<>();
    Set<String> nodeIds = new HashSet<>();
    for (Node n : c.nodes()) {
      if (n.id() == null || n.id().isBlank()) {
        error("nodes", "node '" + n.uname() + "' has no id");
      } else if (!nodeIds.add(n.id())) {
        error(n.id(), "node id '" + n.id() + "' is used by more than one node");
      }
      if (n.uname() == null || n.uname().isBlank()) {
        error(n.id(), "node '" + n.id() + "' has no uname");
      } else if (!unames.add(n.uname())) {
        error(n.id(), "node name '" + n.uname() + "' is used by more than one node");
      }
      n.instanceAttributes().forEach(s -> checkSet("node " + n.id(), s));
      n.utilization().forEach(s -> checkSet("node " + n.id(), s));
    }
    c.crmConfig().forEach(s -> checkSet("crm_config", s));
    c.rscDefaults().forEach(s -> checkSet("rsc_defaults", s));
    c.opDefaults().forEach(s -> checkSet("op_defaults", s));

    Set<String> templates = new HashSet<>();
    for (Resource r : c.resources()) {
      if (r instanceof Template t) {
        templates.add(t.id());
      }
    }
    Set<String> resourceIds = new HashSet<>();
    for (Resource r : c.allResources()) {
      resourceIds.add(r.id());
      checkResource(r, templates);
    }
    Set<String> referable = new HashSet<>(resourceIds);
    for (Tag t : c.tags()) {
      referable.add(t.id());
      for (String ref : t.refs()) {
        if (!resourceIds.contains(ref) && c.findNode(ref).isEmpty()) {
          error(t.id(), "tag '" + t.id() + "' refers to '" + ref + "', which does not exist");
        }
      }
    }
    Set<String> nodeNames = new HashSet<>();
    for (Node n : c.nodes()) {
      nodeNames.add(n.uname());
    }
    for (Constraint k : c.constraints()) {
      checkConstraint(k, referable, nodeNames);
    }
  }

  private void checkIds(XmlElement configuration) {
    Map<String, String> seen = new HashMap<>();
    walkIds(configuration, seen);
  }

  private void walkIds(XmlElement e, Map<String, String> seen) {
    boolean reference = e.attr("id-ref") != null || e.name().equals("resource_ref") || e.name().equals("obj_ref")
        || e.name().equals("role") && e.id() != null && e.attributes().size() == 1 && e.children().isEmpty();
    String id = e.id();
    // node ids are plain strings in the schema (corosync node ids are numbers), checked apart
    if (id != null && !reference && !e.name().equals("node")) {
      String why = Ids.whyInvalid(id);
      if (why != null) {
        error(id, "invalid id '" + id + "' on <" + e.name() + ">: " + why);
      }
      String previous = seen.putIfAbsent(id, e.name());
      if (previous != null) {
        error(id, "duplicate id '" + id + "': used by <" + previous + "> and <" + e.name() + ">");
      }
    }
    for (XmlElement child : e.children()) {
      walkIds(child, seen);
    }
  }

  private void checkResource(Resource r, Set<String> templates) {
    if (r.id() == null) {
      error("resources", "a resource has no id");
      return;
    }
    Primitive p = r instanceof Primitive pr ? pr : r instanceof Template t ? t.definition() : null;
    if (p != null) {
      if (p.template() != null) {
        if (!templates.contains(p.template())) {
          error(p.id(), "primitive '" + p.id() + "' uses template '" + p.template() + "', which does not exist");
        }
      } else if (p.resourceClass() == null || p.type() == null) {
        error(p.id(), "primitive '" + p.id() + "' needs class and type (or a template)");
      } else {
        if (!CLASSES.contains(p.resourceClass())) {
          error(p.id(), "primitive '" + p.id() + "' has unknown class '" + p.resourceClass() + "'");
        }
        if (p.resourceClass().equals("ocf") && p.provider() == null) {
          error(p.id(), "primitive '" + p.id() + "' of class ocf needs a provider");
        }
      }
      for (Op o : p.ops()) {
        checkOp(p.id(), o);
      }
      p.utilization().forEach(s -> checkSet(p.id(), s));
    }
    for (NvSet s : r.metaAttributes()) {
      checkSet(r.id(), s);
      s.get("target-role").ifPresent(v -> {
        if (!v.equals("#default") && Role.parse(v).isEmpty()) {
          error(r.id(), "resource '" + r.id() + "': target-role '" + v + "' is not a role");
        }
      });
    }
    r.instanceAttributes().forEach(s -> checkSet(r.id(), s));
  }

  private void checkOp(String rsc, Op o) {
    String where = rsc + " op " + (o.id() == null ? o.name() : o.id());
    if (o.name() == null || o.name().isBlank()) {
      error(where, "an operation of '" + rsc + "' has no name");
    }
    if (o.interval() != null && Durations.parseMillis(o.interval()).isEmpty()) {
      error(where, "operation '" + o.id() + "' of '" + rsc + "': interval '" + o.interval() + "' is not a duration");
    }
    if (o.timeout() != null && Durations.parseMillis(o.timeout()).isEmpty()) {
      warning(where, "operation '" + o.id() + "' of '" + rsc + "': timeout '" + o.timeout() + "' is not a duration; the default is used");
    }
    checkRole(where, o.role());
    String onFail = o.attr("on-fail");
    if (onFail != null && !ON_FAIL.contains(onFail)) {
      error(where, "operation '" + o.id() + "' of '" + rsc + "': on-fail '" + onFail + "' is not one of " + ON_FAIL);
    }
  }

  private void checkSet(String owner, NvSet s) {
    checkScore(s.id() == null ? owner : s.id(), s.score(), false);
    if (s.rule() != null) {
      checkRule(s.rule());
    }
  }

  private void checkRole(String where, String role) {
    if (role != null && Role.parse(role).isEmpty()) {
      error(where, where + ": '" + role + "' is not a role (Started, Stopped, Promoted, Unpromoted)");
    }
  }

  private void checkScore(String where, String score, boolean required) {
    if (score == null) {
      if (required) {
        error(where, where + ": a score is required");
      }
      return;
    }
    if (Score.parse(score).isEmpty()) {
      error(where, where + ": '" + score + "' is not a score (an integer, INFINITY or -INFINITY)");
    }
  }

  private void checkRule(Rule r) {
    String where = r.id() == null ? "rule" : "rule " + r.id();
    if (r.idRef() != null) {
      return;
    }
    checkScore(where, r.score(), false);
    checkRole(where, r.role());
    if (r.booleanOp() != null && r.combination() == null) {
      error(where, where + ": boolean-op '" + r.booleanOp() + "' is not 'and' or 'or'");
    }
    for (Expression e : r.expressions()) {
      if (e instanceof Rule nested) {
        checkRule(nested);
      } else if (e instanceof AttributeExpression a) {
        String w = "expression " + a.id();
        if (a.attribute() == null) {
          error(w, w + ": no attribute");
        }
        if (a.operation() == null || !ATTRIBUTE_OPS.contains(a.operation())) {
          error(w, w + ": operation '" + a.operation() + "' is not one of " + ATTRIBUTE_OPS);
        } else if (!a.operation().endsWith("defined") && a.value() == null) {
          error(w, w + ": operation '" + a.operation() + "' needs a value");
        }
        if (a.type() != null && !VALUE_TYPES.contains(a.type())) {
          error(w, w + ": type '" + a.type() + "' is not one of " + VALUE_TYPES);
        }
      } else if (e instanceof DateExpression d) {
        String w = "date_expression " + d.id();
        if (d.operation() == null || !DATE_OPS.contains(d.operation())) {
          error(w, w + ": operation '" + d.operation() + "' is not one of " + DATE_OPS);
        }
      }
    }
  }

  private void checkConstraint(Constraint k, Set<String> referable, Set<String> nodeNames) {
    String id = k.id();
    if (id == null) {
      error("constraints", "a constraint has no id");
      return;
    }
    for (ResourceSet s : k.sets()) {
      for (String ref : s.resources()) {
        checkRef(id, ref, referable);
      }
      checkRole(id, s.role());
      checkScore(id, s.score(), false);
      if (s.action() != null && !ACTIONS.contains(s.action())) {
        error(id, "constraint '" + id + "': action '" + s.action() + "' is not one of " + ACTIONS);
      }
      if (s.kind() != null && !ORDER_KINDS.contains(s.kind())) {
        error(id, "constraint '" + id + "': kind '" + s.kind() + "' is not one of " + ORDER_KINDS);
      }
    }
    if (k instanceof Location l) {
      if (l.rsc() != null) {
        checkRef(id, l.rsc(), referable);
      } else if (l.rscPattern() != null) {
        try {
          Pattern.compile(l.rscPattern());
        } catch (PatternSyntaxException e) {
          error(id, "constraint '" + id + "': rsc-pattern '" + l.rscPattern() + "' is not a regular expression");
        }
      } else if (l.sets().isEmpty()) {
        error(id, "location constraint '" + id + "' names no resource");
      }
      checkRole(id, l.role());
      if (l.rules().isEmpty()) {
        checkScore(id, l.score(), true);
        if (l.node() == null) {
          error(id, "location constraint '" + id + "' has neither a node nor rules");
        } else if (!nodeNames.contains(l.node())) {
          warning(id, "location constraint '" + id + "' refers to node '" + l.node() + "', which is not configured");
        }
      }
      l.rules().forEach(this::checkRule);
      if (l.resourceDiscovery() != null && !DISCOVERY.contains(l.resourceDiscovery())) {
        error(id, "constraint '" + id + "': resource-discovery '" + l.resourceDiscovery() + "' is not one of "
            + DISCOVERY);
      }
    } else if (k instanceof Colocation c) {
      if (c.sets().isEmpty()) {
        checkRef(id, c.rsc(), referable);
        checkRef(id, c.withRsc(), referable);
      }
      if (c.score() == null && c.sets().isEmpty()) {
        warning(id, "colocation '" + id + "' has no score; it counts as 0");
      }
      checkScore(id, c.score(), false);
      checkRole(id, c.rscRole());
      checkRole(id, c.withRscRole());
    } else if (k instanceof Order o) {
      if (o.sets().isEmpty()) {
        checkRef(id, o.first(), referable);
        checkRef(id, o.then(), referable);
      }
      checkScore(id, o.score(), false);
      if (o.kind() != null && !ORDER_KINDS.contains(o.kind())) {
        error(id, "order '" + id + "': kind '" + o.kind() + "' is not one of " + ORDER_KINDS);
      }
      for (String action : new String[] {o.firstAction(), o.thenAction()}) {
        if (action != null && !ACTIONS.contains(action)) {
          error(id, "order '" + id + "': action '" + action + "' is not one of " + ACTIONS);
        }
      }
    } else if (k instanceof TicketConstraint t) {
      if (t.sets().isEmpty()) {
        checkRef(id, t.rsc(), referable);
      }
      if (t.ticket() == null) {
        error(id, "ticket constraint '" + id + "' names no ticket");
      }
      checkRole(id, t.rscRole());
      if (t.lossPolicy() != null && !LOSS_POLICIES.contains(t.lossPolicy())) {
        error(id, "ticket constraint '" + id + "': loss-policy '" + t.lossPolicy() + "' is not one of " + LOSS_POLICIES);
      }
    }
  }

  private void checkRef(String constraint, String ref, Set<String> referable) {
    if (ref == null) {
      error(constraint, "constraint '" + constraint + "' is missing a resource reference");
    } else if (!referable.contains(ref)) {
      error(constraint, "constraint '" + constraint + "' refers to resource '" + ref + "', which does not exist");
    }
  }
}
