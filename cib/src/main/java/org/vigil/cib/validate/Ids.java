package org.vigil.cib.validate;

import java.util.regex.Pattern;

/** XML IDs as the CIB schema requires them (NCName: a letter or '_' first, then letters, digits, '.', '-', '_'). */
public final class Ids {
  private static final Pattern NCNAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}._\\-]*");

  private Ids() {}

  public static boolean isValid(String id) {
    return id != null && NCNAME.matcher(id).matches();
  }

  /** Why an id is not valid, or null when it is. */
  public static String whyInvalid(String id) {
    if (id == null || id.isEmpty()) {
      return "the id is empty";
    }
    if (!Character.isLetter(id.charAt(0)) && id.charAt(0) != '_') {
      return "an id must start with a letter or '_', not '" + id.charAt(0) + "'";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
        return "'" + c + "' is not allowed in an id";
      }
    }
    return null;
  }
}
