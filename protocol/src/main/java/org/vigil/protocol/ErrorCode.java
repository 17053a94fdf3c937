package org.vigil.protocol;

/** Why vigild refused a request. */
public enum ErrorCode {
  /** The request could not be decoded (bad frame, unknown type, wrong protocol version). */
  MALFORMED,
  /** The XML is not well formed or not a CIB. */
  INVALID_XML,
  /** The resulting CIB would not be valid (the stored CIB is unchanged). */
  INVALID_CIB,
  /** The write was based on a CIB version that is no longer current. */
  VERSION_CONFLICT,
  /** The object to change or delete does not exist. */
  NOT_FOUND,
  /** The cluster cannot take the request now (no DC, DC changed while it was in flight, shutting down). */
  UNAVAILABLE,
  /** A failure inside vigild (disk full...); see its log. */
  INTERNAL
}
