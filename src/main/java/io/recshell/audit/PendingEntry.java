package io.recshell.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * The audit entry of the command now running, filled in as the command learns more
 * (its filters, how many rows matched) and written once when it ends.
 */
public final class PendingEntry {

    private final String action;
    private final String command;
    private final Map<String, Object> filters = new TreeMap<>();
    private String actingUser;
    private Outcome outcome = Outcome.OK;
    private String message;
    private Long matched;
    private Long deleted;
    private Long deletedBytes;
    private Long runId;
    private boolean written;

    public PendingEntry(String action, String command) {
        this.action = action;
        this.command = command;
    }

    public String action() {
        return action;
    }

    public String command() {
        return command;
    }

    public Map<String, Object> filters() {
        return filters;
    }

    public PendingEntry filter(String name, Object value) {
        if (value != null) {
            filters.put(name, value);
        }
        return this;
    }

    public String actingUser() {
        return actingUser;
    }

    public PendingEntry actingUser(String user) {
        this.actingUser = user;
        return this;
    }

    public Outcome outcome() {
        return outcome;
    }

    public PendingEntry outcome(Outcome value, String text) {
        this.outcome = value;
        this.message = text;
        return this;
    }

    public String message() {
        return message;
    }

    public Long matched() {
        return matched;
    }

    public PendingEntry matched(long count) {
        this.matched = count;
        return this;
    }

    public Long deleted() {
        return deleted;
    }

    public Long deletedBytes() {
        return deletedBytes;
    }

    public PendingEntry deleted(long count, long bytes) {
        this.deleted = count;
        this.deletedBytes = bytes;
        return this;
    }

    public Long runId() {
        return runId;
    }

    public PendingEntry runId(Long id) {
        this.runId = id;
        return this;
    }

    public boolean isWritten() {
        return written;
    }

    void markWritten() {
        this.written = true;
    }
}
