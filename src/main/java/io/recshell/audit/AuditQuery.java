package io.recshell.audit;

import java.sql.Timestamp;
import java.time.Instant;

/** Which audit entries {@code audit list} shows. Null fields do not filter. */
public record AuditQuery(int limit, Instant since, String action, String outcome, String actingUser) {

    Timestamp sinceTimestamp() {
        return since == null ? null : Timestamp.from(since);
    }
}
