package org.vigil.pe.simulate;

/** What {@code crm_simulate -S} prints on each stream, and its exit code. */
public record SimulationOutput(String stdout, String stderr, int exitCode) {}
