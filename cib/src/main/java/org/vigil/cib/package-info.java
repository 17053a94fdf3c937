/**
 * The Cluster Information Base: an immutable model of a Pacemaker CIB, its XML codec, versions, validation and durable storage. Depends on nothing of Vigil's.
 */
package org.vigil.cib;
