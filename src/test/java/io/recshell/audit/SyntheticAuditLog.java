package io.recshell.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.recshell.support.TestDatabase;

/**
 * Appends synthetic, correctly chained entries with bench/audit-fill.sql (as the superuser,
 * which may switch the append check off for the load), as the audit benchmark does.
 */
final class SyntheticAuditLog {

    private SyntheticAuditLog() {
    }

    static void append(TestDatabase db, int entries) {
        try {
            String script = Files.readString(Path.of("bench", "audit-fill.sql"));
            db.jdbc().execute(script.replace(":entries", Integer.toString(entries)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
