/**
 * The client protocol between crm and vigild over a Unix domain socket: requests and replies, shared by both sides.
 */
package org.vigil.protocol;
