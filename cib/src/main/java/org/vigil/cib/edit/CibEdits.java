package org.vigil.cib.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.vigil.cib.model.Bundle;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Clone;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.Constraint;
import org.vigil.cib.model.Extras;
import org.vigil.cib.model.Group;
import org.vigil.cib.model.Location;
import org.vigil.cib.model.Lrm;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.Node;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Resource;
import org.vigil.cib.model.Status;
import org.vigil.cib.model.Template;
import org.vigil.cib.model.TransientAttributes;

/**
 * The edits behind {@code crm node} and {@code crm resource}, as pure functions of a CIB, with
 * the ids Pacemaker's tools give: {@code RSC-meta_attributes-NAME},
 * {@code nodes-ID-NAME}, {@code status-ID-NAME}, {@code cli-prefer-RSC},
 * {@code cli-ban-RSC-on-NODE}. Each returns a new value; the caller bumps the version.
 */
public final class CibEdits {
  private CibEdits() {}

  /** Thrown when an edit names something the CIB does not have. */
  public static final class NotFound extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
      super(message);
    }
  }

  // ---- resources -------------------------------------------------------------------------

  public static Resource resource(Configuration c, String id) {
    return c.findResource(id).orElseThrow(() -> new NotFound("resource " + id + " does not exist"));
  }

  /**
   * Sets a meta attribute of a resource: an existing nvpair of that name in any of its meta
   * sets is changed in place, otherwise it goes into {@code RSC-meta_attributes}. A null
   * value removes the attribute.
   */
  public static Configuration setMetaAttribute(Configuration c, String rscId, String name, String value) {
    resource(c, rscId);
    return mapResource(c, rscId, r -> withMeta(r, setInSets(r.metaAttributes(), rscId + "-meta_attributes", name, value)));
  }

  /** Sets (or with null, removes) an instance attribute (a parameter) of a resource. */
  public static Configuration setInstanceAttribute(Configuration c, String rscId, String name, String value) {
    resource(c, rscId);
    return mapResource(c, rscId,
        r -> withInstance(r, setInSets(r.instanceAttributes(), rscId + "-instance_attributes", name, value)));
  }

  static List<NvSet> setInSets(List<NvSet> sets, String defaultSetId, String name, String value) {
    List<NvSet> out = new ArrayList<>();
    boolean done = false;
    for (NvSet s : sets) {
      if (!done && s.get(name).isPresent() || value == null && s.get(name).isPresent()) {
        List<NvPair> pairs = new ArrayList<>();
        for (NvPair p : s.pairs()) {
          if (name.equals(p.name())) {
            if (value != null && !done) {
              pairs.add(new NvPair(p.id(), p.name(), value, null, p.extras()));
            }
          } else {
            pairs.add(p);
          }
        }
        out.add(new NvSet(s.id(), s.idRef(), s.score(), s.rule(), pairs, s.extras()));
        done = true;
      } else {
        out.add(s);
      }
    }
    if (done || value == null) {
      return out;
    }
    // '#' is not allowed in an XML id; Pacemaker writes fail-count-RSC#OP as ...-fail-count-RSC.OP
    NvPair pair = NvPair.of(defaultSetId + "-" + name.replace('#', '.'), name, value);
    for (int i = 0; i < out.size(); i++) {
      NvSet s = out.get(i);
      if (defaultSetId.equals(s.id())) {
        List<NvPair> pairs = new ArrayList<>(s.pairs());
        pairs.add(pair);
        out.set(i, new NvSet(s.id(), s.idRef(), s.score(), s.rule(), pairs, s.extras()));
        return out;
      }
    }
    out.add(NvSet.of(defaultSetId, List.of(pair)));
    return out;
  }

  private static Resource withMeta(Resource r, List<NvSet> meta) {
    if (r instanceof Primitive p) {
      return new Primitive(p.id(), p.resourceClass(), p.provider(), p.type(), p.template(), p.description(),
          p.instanceAttributes(), meta, p.utilization(), p.operations(), p.extras());
    } else if (r instanceof Group g) {
      return new Group(g.id(), g.description(), g.members(), g.instanceAttributes(), meta, g.extras());
    } else if (r instanceof Clone cl) {
      return new Clone(cl.id(), cl.legacyMaster(), cl.description(), cl.child(), cl.instanceAttributes(), meta, cl.extras());
    } else if (r instanceof Bundle b) {
      return new Bundle(b.id(), b.description(), b.container(), b.network(), b.storage(), b.primitive(),
          b.instanceAttributes(), meta, b.extras());
    } else if (r instanceof Template t) {
      return new Template((Primitive) withMeta(t.definition(), meta));
    }
    throw new AssertionError(r);
  }

  private static Resource withInstance(Resource r, List<NvSet> instance) {
    if (r instanceof Primitive p) {
      return new Primitive(p.id(), p.resourceClass(), p.provider(), p.type(), p.template(), p.description(),
          instance, p.metaAttributes(), p.utilization(), p.operations(), p.extras());
    } else if (r instanceof Group g) {
      return new Group(g.id(), g.description(), g.members(), instance, g.metaAttributes(), g.extras());
    } else if (r instanceof Clone cl) {
      return new Clone(cl.id(), cl.legacyMaster(), cl.description(), cl.child(), instance, cl.metaAttributes(), cl.extras());
    } else if (r instanceof Bundle b) {
      return new Bundle(b.id(), b.description(), b.container(), b.network(), b.storage(), b.primitive(), instance,
          b.metaAttributes(), b.extras());
    } else if (r instanceof Template t) {
      return new Template((Primitive) withInstance(t.definition(), instance));
    }
    throw new AssertionError(r);
  }

  /** The configuration with the resource {@code id} (at any depth) replaced by {@code f} of it. */
  public static Configuration mapResource(Configuration c, String id, UnaryOperator<Resource> f) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : c.resources()) {
      out.add(map(r, id, f));
    }
    return c.withResources(out);
  }

  private static Resource map(Resource r, String id, UnaryOperator<Resource> f) {
    if (r.id().equals(id)) {
      return f.apply(r);
    }
    if (r instanceof Group g) {
      List<Primitive> members = new ArrayList<>();
      for (Primitive m : g.members()) {
        members.add((Primitive) map(m, id, f));
      }
      return new Group(g.id(), g.description(), members, g.instanceAttributes(), g.metaAttributes(), g.extras());
    } else if (r instanceof Clone cl) {
      return new Clone(cl.id(), cl.legacyMaster(), cl.description(), map(cl.child(), id, f), cl.instanceAttributes(),
          cl.metaAttributes(), cl.extras());
    } else if (r instanceof Bundle b && b.primitive() != null) {
      return new Bundle(b.id(), b.description(), b.container(), b.network(), b.storage(),
          (Primitive) map(b.primitive(), id, f), b.instanceAttributes(), b.metaAttributes(), b.extras());
    }
    return r;
  }

  // ---- constraints -----------------------------------------------------------------------

  /** Adds a constraint, replacing one with the same id where it stands. */
  public static Configuration putConstraint(Configuration c, Constraint k) {
    List<Constraint> out = new ArrayList<>();
    boolean replaced = false;
    for (Constraint x : c.constraints()) {
      if (x.id().equals(k.id())) {
        out.add(k);
        replaced = true;
      } else {
        out.add(x);
      }
    }
    if (!replaced) {
      out.add(k);
    }
    return c.withConstraints(out);
  }

  public static Configuration removeConstraints(Configuration c, Predicate<Constraint> which) {
    return c.withConstraints(c.constraints().stream().filter(which.negate()).toList());
  }

  /** {@code crm resource move RSC NODE}: the constraint crm_resource --move creates. */
  public static Location preferConstraint(String rscId, String node) {
    return new Location("cli-prefer-" + rscId, rscId, null, "Started", "INFINITY", node, null, List.of(), List.of(),
        Extras.NONE);
  }

  /** {@code crm resource ban RSC NODE}. */
  public static Location banConstraint(String rscId, String node) {
    return new Location("cli-ban-" + rscId + "-on-" + node, rscId, null, "Started", "-INFINITY", node, null, List.of(),
        List.of(), Extras.NONE);
  }

  /** The move and ban constraints of a resource ({@code crm resource clear}). */
  public static Predicate<Constraint> cliConstraintsOf(String rscId) {
    return k -> k instanceof Location l && rscId.equals(l.rsc())
        && (l.id().equals("cli-prefer-" + rscId) || l.id().startsWith("cli-ban-" + rscId + "-on-"));
  }

  // ---- nodes -----------------------------------------------------------------------------

  public static Node node(Configuration c, String uname) {
    return c.nodes().stream().filter(n -> uname.equals(n.uname())).findFirst()
        .orElseThrow(() -> new NotFound("node " + uname + " does not exist"));
  }

  /** A permanent node attribute (in {@code nodes}); null removes it. */
  public static Configuration setNodeAttribute(Configuration c, String uname, String name, String value) {
    Node n = node(c, uname);
    List<NvSet> sets = setInSets(n.instanceAttributes(), "nodes-" + n.id(), name, value);
    List<Node> nodes = new ArrayList<>();
    for (Node x : c.nodes()) {
      nodes.add(x == n ? new Node(n.id(), n.uname(), n.type(), n.description(), sets, n.utilization(), n.extras()) : x);
    }
    return c.withNodes(nodes);
  }

  public static Optional<String> nodeAttribute(Configuration c, String uname, String name) {
    for (NvSet s : node(c, uname).instanceAttributes()) {
      Optional<String> v = s.get(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  // ---- status ----------------------------------------------------------------------------

  /** A configured node's {@code node_state}, or an empty one when the status has none yet. */
  public static NodeState stateOf(Cib cib, String uname) {
    Node n = node(cib.configuration(), uname);
    return cib.status().nodeStates().stream().filter(s -> n.id().equals(s.id()) || uname.equals(s.uname())).findFirst()
        .orElse(new NodeState(n.id(), uname, null, null, null, null, null, null, Extras.NONE));
  }

  /** The CIB with {@code state} in place of the node state of the same id (added if absent). */
  public static Cib withState(Cib cib, NodeState state) {
    List<NodeState> states = new ArrayList<>();
    boolean replaced = false;
    for (NodeState s : cib.status().nodeStates()) {
      if (s.id() != null && s.id().equals(state.id())) {
        states.add(state);
        replaced = true;
      } else {
        states.add(s);
      }
    }
    if (!replaced) {
      states.add(state);
    }
    Status st = cib.status();
    return cib.withStatus(new Status(states, st.tickets(), st.hasTicketsElement(), st.extras()));
  }

  /** A transient node attribute (in the status section, lost at reboot); null removes it. */
  public static Cib setTransientAttribute(Cib cib, String uname, String name, String value) {
    NodeState s = stateOf(cib, uname);
    TransientAttributes ta = s.transientAttributes();
    List<NvSet> sets = setInSets(ta == null ? List.of() : ta.sets(), "status-" + s.id(), name, value);
    TransientAttributes next = new TransientAttributes(ta == null ? s.id() : ta.id(), sets,
        ta == null ? Extras.NONE : ta.extras());
    return withState(cib, new NodeState(s.id(), s.uname(), s.inCcm(), s.crmd(), s.join(), s.expected(), next, s.lrm(),
        s.extras()));
  }

  /** Every transient attribute of a node whose name matches. */
  public static List<NvPair> transientAttributes(Cib cib, String uname, Predicate<String> name) {
    NodeState s = stateOf(cib, uname);
    List<NvPair> out = new ArrayList<>();
    if (s.transientAttributes() != null) {
      for (NvSet set : s.transientAttributes().sets()) {
        for (NvPair p : set.pairs()) {
          if (p.name() != null && name.test(p.name())) {
            out.add(p);
          }
        }
      }
    }
    return out;
  }

  /** Whether a transient attribute name is one of a resource's fail counts or last failures. */
  public static Predicate<String> failureAttributesOf(String rscId) {
    return n -> n.equals("fail-count-" + rscId) || n.startsWith("fail-count-" + rscId + "#")
        || n.equals("last-failure-" + rscId) || n.startsWith("last-failure-" + rscId + "#");
  }

  /**
   * {@code crm resource cleanup}: forgets the operation history and failures of the given
   * resources (clone instances {@code rsc:N} included) on the given nodes, so that the
   * cluster probes them again.
   */
  public static Cib cleanup(Cib cib, List<String> rscIds, List<String> unames) {
    Cib out = cib;
    for (String uname : unames) {
      NodeState s = stateOf(out, uname);
      for (String rsc : rscIds) {
        for (NvPair p : transientAttributes(out, uname, failureAttributesOf(rsc))) {
          out = setTransientAttribute(out, uname, p.name(), null);
        }
      }
      s = stateOf(out, uname);
      if (s.lrm() != null) {
        List<LrmResource> kept = new ArrayList<>();
        for (LrmResource r : s.lrm().resources()) {
          String base = r.id() != null && r.id().contains(":") ? r.id().substring(0, r.id().indexOf(':')) : r.id();
          if (!rscIds.contains(r.id()) && !rscIds.contains(base)) {
            kept.add(r);
          }
        }
        Lrm lrm = new Lrm(s.lrm().id(), s.lrm().resourcesId(), kept, s.lrm().extras());
        out = withState(out, new NodeState(s.id(), s.uname(), s.inCcm(), s.crmd(), s.join(), s.expected(),
            s.transientAttributes(), lrm, s.extras()));
      }
    }
    return out;
  }
}
