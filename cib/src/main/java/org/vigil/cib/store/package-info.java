/**
 * Durable storage of a CIB file: atomic replace, digest check on load, numbered backups.
 * The only package of the cib module that touches the disk.
 */
package org.vigil.cib.store;
