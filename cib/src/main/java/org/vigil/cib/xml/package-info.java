/**
 * XML text to and from the CIB model: a secure StAX parser (no DOCTYPE, no entities), an
 * immutable element tree that keeps document order, and the typed reader and writer.
 */
package org.vigil.cib.xml;
