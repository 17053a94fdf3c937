/**
 * Text renderers of a cluster's state: crm_simulate's summary ({@link
 * org.vigil.pe.render.SimulationReport}) and crm_mon's one-shot status ({@link
 * org.vigil.pe.render.CrmMonReport}), column for column as Pacemaker 2.1.5 prints them. They
 * read a {@link org.vigil.pe.render.StatusView}, the display-ready facts about nodes and
 * resources, and return strings: no I/O, no clock (times are inputs).
 */
package org.vigil.pe.render;
