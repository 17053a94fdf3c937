package org.vigil.pe.schedule;

import org.vigil.cib.model.Role;

/**
 * A colocation between two resources of the working tree: {@code dependent} is placed
 * relative to {@code primary}.
 *
 * @param id the constraint id
 * @param score INFINITY makes it mandatory, -INFINITY a mandatory anti-colocation
 * @param dependentRole the role of the dependent it applies to, or null for any
 * @param primaryRole the role of the primary it applies to, or null for any
 * @param nodeAttribute the node attribute that defines "the same place" ({@code #uname} by default)
 */
record Coloc(String id, Rsc dependent, Rsc primary, int score, Role dependentRole, Role primaryRole,
    String nodeAttribute) {}
