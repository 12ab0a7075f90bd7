package nl.welkom.client.store;

import java.util.Objects;

import nl.welkom.model.sync.Mutation;

/**
 * Something the reader must be told about one of their offline edits, kept in the store until the
 * app shows it and calls {@code Welkom.dismissNotices}: the edit was not accepted, it overwrote
 * someone else's change, or it was dropped because its household left the phone's scope. Written
 * in the same store transaction that takes the edit out of the outbox, so an edit never leaves the
 * phone without a trace. Immutable.
 */
public final class SyncNotice {

    /** What happened to the edit. */
    public enum Kind {
        /**
         * The server refused the edit (task gone or out of scope, value not allowed; see
         * {@link #detail()}). The task shows the server's version again.
         */
        REJECTED,
        /**
         * The edit was applied, but the same field had been changed by someone else after the
         * phone's copy: this edit arrived last and won, and the overwritten value is kept on the
         * server as a conflict for the officer to review.
         */
        CONFLICT,
        /**
         * The edit was never sent: its household left this phone's scope (a buddy match ended, a
         * household moved) before the next sync.
         */
        DISCARDED
    }

    private final Kind kind;
    private final Mutation mutation;
    private final String detail;

    /**
     * @param kind     what happened
     * @param mutation the edit it happened to (its id identifies the notice)
     * @param detail   the server's explanation, or null
     */
    public SyncNotice(Kind kind, Mutation mutation, String detail) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.mutation = Objects.requireNonNull(mutation, "mutation");
        Objects.requireNonNull(mutation.id(), "mutation id");
        this.detail = detail;
    }

    /** The edit's mutation id; one notice per edit. */
    public String id() {
        return mutation.id();
    }

    public Kind kind() {
        return kind;
    }

    /** The edit as it was queued: type, task id ({@code entityId}), value, base version, creation time. */
    public Mutation mutation() {
        return mutation;
    }

    /** The task the edit was for. */
    public String taskId() {
        return mutation.entityId();
    }

    /** The server's short explanation (for {@link Kind#REJECTED}), or null. */
    public String detail() {
        return detail;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SyncNotice)) {
            return false;
        }
        SyncNotice other = (SyncNotice) o;
        return kind == other.kind && mutation.equals(other.mutation) && Objects.equals(detail, other.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, mutation, detail);
    }

    @Override
    public String toString() {
        return "SyncNotice{" + kind + ", " + mutation.type() + " on " + mutation.entityId() + ", id=" + mutation.id()
                + (detail == null ? "" : ", detail=" + detail) + '}';
    }
}
