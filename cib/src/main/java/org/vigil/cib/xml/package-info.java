/**
 * XML text to and from the CIB model: a strict parser that refuses DOCTYPE and entities, an
 * immutable element tree that keeps document order, and the typed reader and writer.
 */
package org.vigil.cib.xml;
