package org.vigil.cib.model;

import java.util.List;

/** A resource {@code <template>}: a primitive definition that primitives can refer to. */
public record Template(Primitive definition) implements Resource {
  @Override
  public String id() {
    return definition.id();
  }

  @Override
  public String description() {
    return definition.description();
  }

  @Override
  public List<NvSet> instanceAttributes() {
    return definition.instanceAttributes();
  }

  @Override
  public List<NvSet> metaAttributes() {
    return definition.metaAttributes();
  }

  @Override
  public Extras extras() {
    return definition.extras();
  }
}
