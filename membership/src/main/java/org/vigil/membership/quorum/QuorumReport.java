package org.vigil.membership.quorum;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a quorum state in the layout of {@code corosync-quorumtool -s} (corosync 3.1), so operators
 * read the same sections and labels: Quorum information, Votequorum information, Membership information.
 */
public final class QuorumReport {

    /** ctime()-style date, day of month padded with a space, as corosync prints it. */
    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private QuorumReport() {
    }

    /**
     * @param quorum      the partition's quorum state
     * @param localNodeId the node printing the report
     * @param ringId      the membership's identity (corosync prints representative id and sequence, "1.5")
     * @param namesById   node names for the members
     * @param now         the date line
     */
    public static String render(Quorum quorum, int localNodeId, String ringId, Map<Integer, String> namesById,
            ZonedDateTime now) {
        StringBuilder out = new StringBuilder();
        out.append("Quorum information\n------------------\n");
        line(out, "Date:", CTIME.format(now));
        line(out, "Quorum provider:", "vigil_votequorum");
        line(out, "Nodes:", Integer.toString(quorum.members().size()));
        line(out, "Node ID:", Integer.toString(localNodeId));
        line(out, "Ring ID:", ringId);
        line(out, "Quorate:", quorum.quorate() ? "Yes" : "No");
        out.append("\nVotequorum information\n----------------------\n");
        line(out, "Expected votes:", Integer.toString(quorum.expectedVotes()));
        line(out, "Highest expected:", Integer.toString(quorum.highestExpected()));
        line(out, "Total votes:", Integer.toString(quorum.totalVotes()));
        line(out, "Quorum:", quorum.quorumVotes() + (quorum.quorate() ? "  " : " Activity blocked"));
        StringBuilder flags = new StringBuilder();
        quorum.flags().forEach(flag -> flags.append(flag).append(' '));
        line(out, "Flags:", flags.toString());
        out.append("\nMembership information\n----------------------\n");
        out.append(String.format(Locale.ROOT, "%10s %10s %s\n", "Nodeid", "Votes", "Name"));
        for (int id : quorum.members()) {
            String name = namesById.getOrDefault(id, "node" + id) + (id == localNodeId ? " (local)" : "");
            out.append(String.format(Locale.ROOT, "%10d %10d %s\n", id, quorum.votesOf(id), name));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-18s%s\n", label, value));
    }
}
