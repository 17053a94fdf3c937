package org.vigil.cib.xml;

import java.util.ArrayList;
import java.util.List;
import org.vigil.cib.model.Alert;
import org.vigil.cib.model.AlertRecipient;
import org.vigil.cib.model.AttributeExpression;
import org.vigil.cib.model.Bundle;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Clone;
import org.vigil.cib.model.Colocation;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.Constraint;
import org.vigil.cib.model.DateExpression;
import org.vigil.cib.model.DateSpec;
import org.vigil.cib.model.Expression;
import org.vigil.cib.model.Extras;
import org.vigil.cib.model.FencingLevel;
import org.vigil.cib.model.Group;
import org.vigil.cib.model.Location;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.Node;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Op;
import org.vigil.cib.model.OpExpression;
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

/** Turns the typed model back into XML elements: known fields first, then extras as read. */
final class CibWriter {
  private CibWriter() {}

  static XmlElement cib(Cib cib) {
    XmlElement.Builder b = XmlElement.builder("cib")
        .attr("admin_epoch", cib.version().adminEpoch())
        .attr("epoch", cib.version().epoch())
        .attr("num_updates", cib.version().numUpdates())
        .attrs(cib.attributes().attributes());
    b.child(configuration(cib.configuration()));
    b.child(status(cib.status()));
    b.children(cib.attributes().children());
    return b.build();
  }

  static XmlElement configuration(Configuration c) {
    XmlElement.Builder b = XmlElement.builder("configuration").attrs(c.extras().attributes());
    b.child(container("crm_config", c.crmConfig().stream().map(s -> nvset("cluster_property_set", s)).toList()));
    b.child(container("nodes", c.nodes().stream().map(CibWriter::node).toList()));
    b.child(container("resources", c.resources().stream().map(CibWriter::resource).toList()));
    b.child(container("constraints", c.constraints().stream().map(CibWriter::constraint).toList()));
    if (!c.rscDefaults().isEmpty()) {
      b.child(container("rsc_defaults", c.rscDefaults().stream().map(s -> nvset("meta_attributes", s)).toList()));
    }
    if (!c.opDefaults().isEmpty()) {
      b.child(container("op_defaults", c.opDefaults().stream().map(s -> nvset("meta_attributes", s)).toList()));
    }
    if (!c.fencingTopology().isEmpty()) {
      b.child(container("fencing-topology", c.fencingTopology().stream().map(CibWriter::level).toList()));
    }
    b.child(c.acls());
    if (!c.alerts().isEmpty()) {
      b.child(container("alerts", c.alerts().stream().map(CibWriter::alert).toList()));
    }
    if (!c.tags().isEmpty()) {
      b.child(container("tags", c.tags().stream().map(CibWriter::tag).toList()));
    }
    b.children(c.extras().children());
    return b.build();
  }

  private static XmlElement container(String name, List<XmlElement> children) {
    return XmlElement.builder(name).children(children).build();
  }

  private static XmlElement.Builder with(XmlElement.Builder b, Extras extras) {
    return b.attrs(extras.attributes()).children(extras.children());
  }

  static XmlElement nvset(String name, NvSet s) {
    XmlElement.Builder b = XmlElement.builder(name).attr("id", s.id()).attr("id-ref", s.idRef()).attr("score", s.score());
    b.attrs(s.extras().attributes());
    if (s.rule() != null) {
      b.child(rule(s.rule()));
    }
    for (NvPair p : s.pairs()) {
      b.child(with(XmlElement.builder("nvpair").attr("id", p.id()).attr("id-ref", p.idRef()).attr("name", p.name())
          .attr("value", p.value()), p.extras()).build());
    }
    return b.children(s.extras().children()).build();
  }

  private static List<XmlElement> nvsets(String name, List<NvSet> sets) {
    List<XmlElement> out = new ArrayList<>();
    for (NvSet s : sets) {
      out.add(nvset(name, s));
    }
    return out;
  }

  static XmlElement rule(Rule r) {
    XmlElement.Builder b = XmlElement.builder("rule").attr("id", r.id()).attr("id-ref", r.idRef())
        .attr("score", r.score()).attr("score-attribute", r.scoreAttribute()).attr("boolean-op", r.booleanOp())
        .attr("role", r.role()).attrs(r.extras().attributes());
    for (Expression e : r.expressions()) {
      b.child(expression(e));
    }
    return b.children(r.extras().children()).build();
  }

  private static XmlElement expression(Expression e) {
    if (e instanceof Rule r) {
      return rule(r);
    } else if (e instanceof AttributeExpression a) {
      return with(XmlElement.builder("expression").attr("id", a.id()).attr("attribute", a.attribute())
          .attr("operation", a.operation()).attr("value", a.value()).attr("type", a.type())
          .attr("value-source", a.valueSource()), a.extras()).build();
    } else if (e instanceof DateExpression d) {
      XmlElement.Builder b = XmlElement.builder("date_expression").attr("id", d.id())
          .attr("operation", d.operation()).attr("start", d.start()).attr("end", d.end())
          .attrs(d.extras().attributes());
      if (d.dateSpec() != null) {
        b.child(dateSpec("date_spec", d.dateSpec()));
      }
      if (d.duration() != null) {
        b.child(dateSpec("duration", d.duration()));
      }
      return b.children(d.extras().children()).build();
    } else if (e instanceof OpExpression o) {
      return with(XmlElement.builder("op_expression").attr("id", o.id()).attr("name", o.name())
          .attr("interval", o.interval()), o.extras()).build();
    } else if (e instanceof RscExpression r) {
      return with(XmlElement.builder("rsc_expression").attr("id", r.id()).attr("class", r.resourceClass())
          .attr("provider", r.provider()).attr("type", r.type()), r.extras()).build();
    }
    throw new AssertionError(e);
  }

  private static XmlElement dateSpec(String name, DateSpec s) {
    return with(XmlElement.builder(name).attr("id", s.id()).attrs(s.fields()), s.extras()).build();
  }

  static XmlElement node(Node n) {
    XmlElement.Builder b = XmlElement.builder("node").attr("id", n.id()).attr("uname", n.uname())
        .attr("type", n.type()).attr("description", n.description()).attrs(n.extras().attributes());
    b.children(nvsets("instance_attributes", n.instanceAttributes()));
    b.children(nvsets("utilization", n.utilization()));
    return b.children(n.extras().children()).build();
  }

  static XmlElement resource(Resource r) {
    if (r instanceof Primitive p) {
      return primitive("primitive", p);
    } else if (r instanceof Template t) {
      return primitive("template", t.definition());
    } else if (r instanceof Group g) {
      XmlElement.Builder b = XmlElement.builder("group").attr("id", g.id()).attr("description", g.description())
          .attrs(g.extras().attributes());
      b.children(nvsets("meta_attributes", g.metaAttributes()));
      b.children(nvsets("instance_attributes", g.instanceAttributes()));
      for (Primitive m : g.members()) {
        b.child(primitive("primitive", m));
      }
      return b.children(g.extras().children()).build();
    } else if (r instanceof Clone c) {
      XmlElement.Builder b = XmlElement.builder(c.legacyMaster() ? "master" : "clone").attr("id", c.id())
          .attr("description", c.description()).attrs(c.extras().attributes());
      b.children(nvsets("meta_attributes", c.metaAttributes()));
      b.children(nvsets("instance_attributes", c.instanceAttributes()));
      b.child(resource(c.child()));
      return b.children(c.extras().children()).build();
    } else if (r instanceof Bundle bu) {
      XmlElement.Builder b = XmlElement.builder("bundle").attr("id", bu.id()).attr("description", bu.description())
          .attrs(bu.extras().attributes());
      b.child(bu.container()).child(bu.network()).child(bu.storage());
      if (bu.primitive() != null) {
        b.child(primitive("primitive", bu.primitive()));
      }
      b.children(nvsets("meta_attributes", bu.metaAttributes()));
      b.children(nvsets("instance_attributes", bu.instanceAttributes()));
      return b.children(bu.extras().children()).build();
    }
    throw new AssertionError(r);
  }

  private static XmlElement primitive(String element, Primitive p) {
    XmlElement.Builder b = XmlElement.builder(element).attr("id", p.id()).attr("class", p.resourceClass())
        .attr("provider", p.provider()).attr("type", p.type()).attr("template", p.template())
        .attr("description", p.description()).attrs(p.extras().attributes());
    b.children(nvsets("instance_attributes", p.instanceAttributes()));
    b.children(nvsets("meta_attributes", p.metaAttributes()));
    b.children(nvsets("utilization", p.utilization()));
    if (p.operations() != null) {
      XmlElement.Builder ob = XmlElement.builder("operations").attr("id", p.operations().id())
          .attr("id-ref", p.operations().idRef()).attrs(p.operations().extras().attributes());
      for (Op o : p.operations().ops()) {
        ob.child(op(o));
      }
      b.child(ob.children(p.operations().extras().children()).build());
    }
    return b.children(p.extras().children()).build();
  }

  private static XmlElement op(Op o) {
    XmlElement.Builder b = XmlElement.builder("op").attr("id", o.id()).attr("name", o.name())
        .attr("interval", o.interval()).attr("role", o.role()).attr("timeout", o.timeout())
        .attrs(o.extras().attributes());
    b.children(nvsets("instance_attributes", o.instanceAttributes()));
    b.children(nvsets("meta_attributes", o.metaAttributes()));
    return b.children(o.extras().children()).build();
  }

  static XmlElement constraint(Constraint c) {
    XmlElement.Builder b;
    if (c instanceof Location l) {
      b = XmlElement.builder("rsc_location").attr("id", l.id()).attr("rsc", l.rsc())
          .attr("rsc-pattern", l.rscPattern()).attr("role", l.role()).attr("score", l.score()).attr("node", l.node())
          .attr("resource-discovery", l.resourceDiscovery());
    } else if (c instanceof Colocation co) {
      b = XmlElement.builder("rsc_colocation").attr("id", co.id()).attr("score", co.score()).attr("rsc", co.rsc())
          .attr("with-rsc", co.withRsc()).attr("rsc-role", co.rscRole()).attr("with-rsc-role", co.withRscRole())
          .attr("node-attribute", co.nodeAttribute());
    } else if (c instanceof Order o) {
      b = XmlElement.builder("rsc_order").attr("id", o.id()).attr("kind", o.kind()).attr("score", o.score())
          .attr("first", o.first()).attr("first-action", o.firstAction()).attr("then", o.then())
          .attr("then-action", o.thenAction()).attr("symmetrical", o.symmetrical())
          .attr("require-all", o.requireAll());
    } else if (c instanceof TicketConstraint t) {
      b = XmlElement.builder("rsc_ticket").attr("id", t.id()).attr("rsc", t.rsc()).attr("rsc-role", t.rscRole())
          .attr("ticket", t.ticket()).attr("loss-policy", t.lossPolicy());
    } else {
      throw new AssertionError(c);
    }
    b.attrs(c.extras().attributes());
    for (ResourceSet s : c.sets()) {
      XmlElement.Builder sb = XmlElement.builder("resource_set").attr("id", s.id()).attr("id-ref", s.idRef())
          .attr("sequential", s.sequential()).attr("require-all", s.requireAll()).attr("ordering", s.ordering())
          .attr("action", s.action()).attr("role", s.role()).attr("score", s.score()).attr("kind", s.kind())
          .attrs(s.extras().attributes());
      for (String ref : s.resources()) {
        sb.child(XmlElement.builder("resource_ref").attr("id", ref).build());
      }
      b.child(sb.children(s.extras().children()).build());
    }
    // the schema wants a location's resource sets before its rules
    if (c instanceof Location l) {
      l.rules().forEach(r -> b.child(rule(r)));
    }
    return b.children(c.extras().children()).build();
  }

  private static XmlElement level(FencingLevel l) {
    return with(XmlElement.builder("fencing-level").attr("id", l.id()).attr("target", l.target())
        .attr("target-pattern", l.targetPattern()).attr("target-attribute", l.targetAttribute())
        .attr("target-value", l.targetValue()).attr("index", l.index()).attr("devices", l.devices()), l.extras())
        .build();
  }

  private static XmlElement alert(Alert a) {
    XmlElement.Builder b = XmlElement.builder("alert").attr("id", a.id()).attr("path", a.path())
        .attr("description", a.description()).attrs(a.extras().attributes());
    b.children(nvsets("meta_attributes", a.metaAttributes()));
    b.children(nvsets("instance_attributes", a.instanceAttributes()));
    for (AlertRecipient r : a.recipients()) {
      XmlElement.Builder rb = XmlElement.builder("recipient").attr("id", r.id()).attr("value", r.value())
          .attr("description", r.description()).attrs(r.extras().attributes());
      rb.children(nvsets("meta_attributes", r.metaAttributes()));
      rb.children(nvsets("instance_attributes", r.instanceAttributes()));
      b.child(rb.children(r.extras().children()).build());
    }
    return b.children(a.extras().children()).build();
  }

  private static XmlElement tag(Tag t) {
    XmlElement.Builder b = XmlElement.builder("tag").attr("id", t.id()).attrs(t.extras().attributes());
    for (String ref : t.refs()) {
      b.child(XmlElement.builder("obj_ref").attr("id", ref).build());
    }
    return b.children(t.extras().children()).build();
  }

  static XmlElement status(Status s) {
    XmlElement.Builder b = XmlElement.builder("status").attrs(s.extras().attributes());
    for (NodeState n : s.nodeStates()) {
      b.child(nodeState(n));
    }
    if (s.hasTicketsElement() || !s.tickets().isEmpty()) {
      XmlElement.Builder tb = XmlElement.builder("tickets");
      for (TicketState t : s.tickets()) {
        tb.child(with(XmlElement.builder("ticket_state").attr("id", t.id()).attr("granted", t.granted())
            .attr("last-granted", t.lastGranted()).attr("standby", t.standby()), t.extras()).build());
      }
      b.child(tb.build());
    }
    return b.children(s.extras().children()).build();
  }

  static XmlElement nodeState(NodeState n) {
    XmlElement.Builder b = XmlElement.builder("node_state").attr("id", n.id()).attr("uname", n.uname())
        .attr("in_ccm", n.inCcm()).attr("crmd", n.crmd()).attr("join", n.join()).attr("expected", n.expected())
        .attrs(n.extras().attributes());
    if (n.transientAttributes() != null) {
      XmlElement.Builder tb = XmlElement.builder("transient_attributes").attr("id", n.transientAttributes().id())
          .attrs(n.transientAttributes().extras().attributes());
      tb.children(nvsets("instance_attributes", n.transientAttributes().sets()));
      b.child(tb.children(n.transientAttributes().extras().children()).build());
    }
    if (n.lrm() != null) {
      XmlElement.Builder lb = XmlElement.builder("lrm").attr("id", n.lrm().id()).attrs(n.lrm().extras().attributes());
      XmlElement.Builder rb = XmlElement.builder("lrm_resources").attr("id", n.lrm().resourcesId());
      for (LrmResource r : n.lrm().resources()) {
        rb.child(lrmResource(r));
      }
      lb.child(rb.build());
      b.child(lb.children(n.lrm().extras().children()).build());
    }
    return b.children(n.extras().children()).build();
  }

  static XmlElement lrmResource(LrmResource r) {
    XmlElement.Builder b = XmlElement.builder("lrm_resource").attr("id", r.id()).attr("type", r.type())
        .attr("class", r.resourceClass()).attr("provider", r.provider()).attr("container", r.container())
        .attrs(r.extras().attributes());
    for (LrmRscOp o : r.ops()) {
      b.child(lrmRscOp(o));
    }
    return b.children(r.extras().children()).build();
  }

  static XmlElement lrmRscOp(LrmRscOp o) {
    return with(XmlElement.builder("lrm_rsc_op").attr("id", o.id()).attr("operation_key", o.operationKey())
        .attr("operation", o.operation()).attr("crm_feature_set", o.crmFeatureSet())
        .attr("transition-key", o.transitionKey()).attr("transition-magic", o.transitionMagic())
        .attr("exit-reason", o.exitReason()).attr("on_node", o.onNode()).attr("call-id", o.callId())
        .attr("rc-code", o.rcCode()).attr("op-status", o.opStatus()).attr("interval", o.interval())
        .attr("last-run", o.lastRun()).attr("last-rc-change", o.lastRcChange()).attr("exec-time", o.execTime())
        .attr("queue-time", o.queueTime()).attr("op-digest", o.opDigest()), o.extras()).build();
  }
}
