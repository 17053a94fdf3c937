package org.vigil.membership.internal;

/**
 * Accepts each message counter of one sender session at most once, within a sliding window, as IPsec
 * does (RFC 4303 section 3.4.3). Counters may arrive out of order by up to {@link #SIZE}; older ones are
 * refused. Thread-safe.
 */
final class ReplayWindow {

    static final int SIZE = 8192;

    private final long[] seen = new long[SIZE / 64];
    private long highest = -1;

    /** True the first time {@code counter} is offered and it is not too old; false for a replay. */
    synchronized boolean accept(long counter) {
        if (counter < 0) {
            return false;
        }
        if (counter > highest) {
            long advance = counter - highest;
            if (advance >= SIZE) {
                java.util.Arrays.fill(seen, 0L);
            } else {
                for (long c = highest + 1; c < counter; c++) {
                    clear(c);
                }
            }
            highest = counter;
            set(counter);
            return true;
        }
        if (highest - counter >= SIZE || isSet(counter)) {
            return false;
        }
        set(counter);
        return true;
    }

    private boolean isSet(long c) {
        int bit = (int) (c % SIZE);
        return (seen[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    private void set(long c) {
        int bit = (int) (c % SIZE);
        seen[bit >>> 6] |= 1L << (bit & 63);
    }

    private void clear(long c) {
        int bit = (int) (c % SIZE);
        seen[bit >>> 6] &= ~(1L << (bit & 63));
    }
}
