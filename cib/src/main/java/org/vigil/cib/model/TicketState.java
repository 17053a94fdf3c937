package org.vigil.cib.model;

/** A ticket's state in {@code <status><tickets>}. */
public record TicketState(String id, String granted, String standby, String lastGranted, Extras extras) {}
