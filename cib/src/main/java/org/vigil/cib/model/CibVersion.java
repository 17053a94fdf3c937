package org.vigil.cib.model;

/**
 * A CIB's version: {@code admin_epoch}, {@code epoch}, {@code num_updates}, compared in that
 * order (admin_epoch wins over everything, then epoch, then num_updates).
 */
public record CibVersion(long adminEpoch, long epoch, long numUpdates) implements Comparable<CibVersion> {
  public static final CibVersion ZERO = new CibVersion(0, 0, 0);

  public CibVersion {
    if (adminEpoch < 0 || epoch < 0 || numUpdates < 0) {
      throw new IllegalArgumentException("CIB version numbers cannot be negative: " + adminEpoch + "." + epoch + "." + numUpdates);
    }
  }

  @Override
  public int compareTo(CibVersion o) {
    int c = Long.compare(adminEpoch, o.adminEpoch);
    if (c == 0) {
      c = Long.compare(epoch, o.epoch);
    }
    if (c == 0) {
      c = Long.compare(numUpdates, o.numUpdates);
    }
    return c;
  }

  public boolean isNewerThan(CibVersion o) {
    return compareTo(o) > 0;
  }

  /** A configuration change: epoch up, num_updates back to zero. */
  public CibVersion nextEpoch() {
    return new CibVersion(adminEpoch, epoch + 1, 0);
  }

  /** A status change: num_updates up. */
  public CibVersion nextUpdate() {
    return new CibVersion(adminEpoch, epoch, numUpdates + 1);
  }

  @Override
  public String toString() {
    return adminEpoch + "." + epoch + "." + numUpdates;
  }
}
