package org.vigil.cib.model;

import java.util.List;
import java.util.Optional;
import org.vigil.cib.xml.XmlElement;

/**
 * The {@code <configuration>} section. {@code acls} is kept as written (Vigil does not enforce
 * ACLs yet); optional sections that were absent are empty lists.
 */
public record Configuration(
    List<NvSet> crmConfig,
    List<Node> nodes,
    List<Resource> resources,
    List<Constraint> constraints,
    List<NvSet> rscDefaults,
    List<NvSet> opDefaults,
    List<FencingLevel> fencingTopology,
    XmlElement acls,
    List<Alert> alerts,
    List<Tag> tags,
    Extras extras) {
  public Configuration {
    crmConfig = List.copyOf(crmConfig);
    nodes = List.copyOf(nodes);
    resources = List.copyOf(resources);
    constraints = List.copyOf(constraints);
    rscDefaults = List.copyOf(rscDefaults);
    opDefaults = List.copyOf(opDefaults);
    fencingTopology = List.copyOf(fencingTopology);
    alerts = List.copyOf(alerts);
    tags = List.copyOf(tags);
  }

  public static final Configuration EMPTY =
      new Configuration(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
          List.of(), List.of(), Extras.NONE);

  /**
   * A cluster property as Pacemaker reads it: the first {@code cluster_property_set} (in
   * document order) that defines it wins. Rules on sets are not evaluated here.
   */
  public Optional<String> property(String name) {
    for (NvSet set : crmConfig) {
      Optional<String> v = set.get(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** Every resource at every depth (templates included), in document order. */
  public List<Resource> allResources() {
    List<Resource> out = new java.util.ArrayList<>();
    for (Resource r : resources) {
      out.addAll(r.selfAndDescendants());
    }
    return out;
  }

  public Optional<Resource> findResource(String id) {
    for (Resource r : allResources()) {
      if (r.id().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public Optional<Node> findNode(String idOrUname) {
    for (Node n : nodes) {
      if (idOrUname.equals(n.uname()) || idOrUname.equals(n.id())) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  public Configuration withCrmConfig(List<NvSet> v) {
    return new Configuration(v, nodes, resources, constraints, rscDefaults, opDefaults, fencingTopology, acls, alerts, tags, extras);
  }

  public Configuration withNodes(List<Node> v) {
    return new Configuration(crmConfig, v, resources, constraints, rscDefaults, opDefaults, fencingTopology, acls, alerts, tags, extras);
  }

  public Configuration withResources(List<Resource> v) {
    return new Configuration(crmConfig, nodes, v, constraints, rscDefaults, opDefaults, fencingTopology, acls, alerts, tags, extras);
  }

  public Configuration withConstraints(List<Constraint> v) {
    return new Configuration(crmConfig, nodes, resources, v, rscDefaults, opDefaults, fencingTopology, acls, alerts, tags, extras);
  }

  public Configuration withRscDefaults(List<NvSet> v) {
    return new Configuration(crmConfig, nodes, resources, constraints, v, opDefaults, fencingTopology, acls, alerts, tags, extras);
  }

  public Configuration withOpDefaults(List<NvSet> v) {
    return new Configuration(crmConfig, nodes, resources, constraints, rscDefaults, v, fencingTopology, acls, alerts, tags, extras);
  }
}
