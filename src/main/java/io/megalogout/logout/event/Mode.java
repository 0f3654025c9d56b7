package io.megalogout.logout.event;

/**
 * What a request asks for, from its event's opt-in fields: a plain logout (neither field), a dry run
 * ({@code "dryRun": true}: the status only, never a logout) or a confirmed logout ({@code "confirm": true}).
 */
public enum Mode {

    PLAIN("plain"),
    DRY_RUN("dryRun"),
    CONFIRM("confirm");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    /** The name in log lines and metrics: the event's field, or {@code plain}. */
    public String label() {
        return label;
    }
}
