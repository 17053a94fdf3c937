/** {@code crm configure}: show, load, verify and (later) the interactive crmsh-syntax shell. */
package org.vigil.crmsh.configure;
