package org.vigil.membership;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts of failure detection and partition merging.
 *
 * <p>A node that stops sending heartbeats for {@code timeout} is suspected; it is removed from the
 * membership if it also fails to answer a direct check within {@code verifyTimeout}. A crashed process
 * (its sockets closed by the kernel) is suspected at once. After a partition heals, the sides find each
 * other within about {@code mergeMaxInterval} and merge.
 *
 * @param timeout          heartbeat silence before suspicion (heartbeat's deadtime, corosync's token)
 * @param interval         heartbeat period (heartbeat's keepalive)
 * @param verifyTimeout    how long a suspected node has to answer before it is declared lost
 * @param mergeMinInterval shortest period between checks for other partitions
 * @param mergeMaxInterval longest period between checks for other partitions
 * @param joinTimeout      how long a starting node looks for a running cluster before it forms its own
 */
public record FailureDetection(
        Duration timeout,
        Duration interval,
        Duration verifyTimeout,
        Duration mergeMinInterval,
        Duration mergeMaxInterval,
        Duration joinTimeout) {

    public FailureDetection {
        requirePositive(timeout, "timeout");
        requirePositive(interval, "interval");
        requirePositive(verifyTimeout, "verifyTimeout");
        requirePositive(mergeMinInterval, "mergeMinInterval");
        requirePositive(mergeMaxInterval, "mergeMaxInterval");
        requirePositive(joinTimeout, "joinTimeout");
        if (interval.compareTo(timeout) >= 0) {
            throw new IllegalArgumentException("failure detection: interval (" + interval.toMillis()
                    + " ms) must be shorter than timeout (" + timeout.toMillis() + " ms)");
        }
        if (mergeMinInterval.compareTo(mergeMaxInterval) >= 0) {
            throw new IllegalArgumentException("failure detection: mergeMinInterval must be shorter than mergeMaxInterval");
        }
    }

    /**
     * Sub-second detection on a LAN: 1 s of silence plus 300 ms verification, heartbeats every 200 ms.
     * Measured on a loaded 2-core machine without spurious membership changes.
     */
    public static FailureDetection defaults() {
        return new FailureDetection(Duration.ofMillis(1000), Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofMillis(1000));
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("failure detection: " + what + " must be positive");
        }
    }
}
