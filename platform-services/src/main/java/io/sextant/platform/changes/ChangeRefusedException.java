package io.sextant.platform.changes;

/**
 * The board refused an action (bad input, wrong state, missing approval, ordering or checksum
 * violation). The refusal is audited; {@link #reason()} is a stable code for the UI and API.
 */
public class ChangeRefusedException extends RuntimeException {

    private final String reason;

    public ChangeRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
