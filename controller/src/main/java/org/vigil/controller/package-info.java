/**
 * The daemon vigild: wires membership, CIB replication, the scheduler and the executor.
 */
package org.vigil.controller;
