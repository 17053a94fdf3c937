package org.vigil.membership;

/** Membership could not start, a key file is unusable, or a message could not be sent. */
public class MembershipException extends Exception {

    public MembershipException(String message) {
        super(message);
    }

    public MembershipException(String message, Throwable cause) {
        super(message, cause);
    }
}
