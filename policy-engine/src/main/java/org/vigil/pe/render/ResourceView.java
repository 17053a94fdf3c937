package org.vigil.pe.render;

/** One entry of "Full List of Resources", in configuration order. */
public sealed interface ResourceView permits PrimitiveView, GroupView, CloneView, BundleView {
  String id();

  /** Every primitive instance under this entry (itself for a primitive). */
  java.util.List<PrimitiveView> primitives();
}
