/**
 * Rule evaluation: {@code <rule>} trees of node-attribute expressions ({@code #uname},
 * {@code #id}, typed comparisons, {@code value-source}) and date expressions (gt, lt,
 * in_range, date_spec) at the input time. Pure: the time is an argument.
 */
package org.vigil.pe.rules;
