/**
 * The {@code crm configure} level around a {@link org.vigil.crmsh.configure.syntax.Workspace}:
 * the session's commands (show, commit, verify, delete, edit, load, save...), the jline3
 * interactive loop with history and completion, scripts ({@code crm configure < FILE},
 * {@code crm -f FILE}), the local agent directory, and the Heartbeat v1 importer. Reads and
 * writes the CIB only through {@link org.vigil.crmsh.cib.CibAccess}.
 */
package org.vigil.crmsh.configure.shell;
