/**
 * The simulated execution of a transition, as crm_simulate performs it: every action succeeds
 * at once with the result the scheduler expects, and its effect is written into the CIB's
 * status section (resource history, fenced nodes going offline). Pure: a CIB and a transition
 * in, the executed lines and the revised CIB out.
 */
package org.vigil.pe.simulate;
