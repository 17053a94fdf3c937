package org.vigil.lrm;

/**
 * One parameter an agent's meta-data declares.
 *
 * @param name the parameter, passed as {@code OCF_RESKEY_<name>}
 * @param type {@code string}, {@code integer}, {@code boolean}... ({@code string} when undeclared)
 * @param defaultValue the declared default; null when there is none
 * @param required whether it must be set
 * @param unique whether two resources of this agent must not share a value
 * @param reloadable whether a change can be applied by {@code reload-agent} instead of a restart
 * @param deprecated whether the meta-data marks it deprecated
 * @param shortdesc one line (may be empty)
 * @param longdesc the full description, as written (may be empty)
 */
public record AgentParameter(
    String name,
    String type,
    String defaultValue,
    boolean required,
    boolean unique,
    boolean reloadable,
    boolean deprecated,
    String shortdesc,
    String longdesc) {}
