/** {@code crm node}: standby, online, maintenance, ready, attributes. */
package org.vigil.crmsh.node;
