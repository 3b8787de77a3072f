package io.recshell.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * The canonical encoding of an audit entry and its SHA-256 hash. The encoding is one line
 * per field, {@code name=value}, in the fixed order below, each value with backslash,
 * newline and carriage return escaped as {@code \\}, {@code \n} and {@code \r}, a missing
 * value written as nothing (so a missing value and an empty text encode alike), and lines
 * joined by a single newline (no trailing newline). {@code at} is ISO-8601 UTC with exactly
 * six fraction digits; numbers are decimal; {@code filters} is the stored JSON text as it is.
 * The hash is the lowercase hex SHA-256 of the UTF-8 bytes. docs/audit-log.md shows a worked
 * example and a script that recomputes it elsewhere; change the three together.
 */
public final class AuditHasher {

    /** The hash that the first entry names as its predecessor. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter AT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditHasher() {
    }

    public static String hash(AuditEntry e) {
        return DigestUtils.sha256Hex(canonical(e).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the entry's stored hash is the hash of its content. */
    public static boolean matches(AuditEntry e) {
        return hash(e).equals(e.hash());
    }

    public static String canonical(AuditEntry e) {
        StringBuilder b = new StringBuilder(512);
        line(b, "id", Long.toString(e.id()));
        line(b, "at", formatAt(e.at()));
        line(b, "action", e.action());
        line(b, "command", e.command());
        line(b, "filters", e.filters());
        line(b, "acting_user", e.actingUser());
        line(b, "os_user", e.osUser());
        line(b, "host", e.host());
        line(b, "ssh_client", e.sshClient());
        line(b, "db_user", e.dbUser());
        line(b, "session_id", e.sessionId());
        line(b, "outcome", e.outcome());
        line(b, "message", e.message());
        line(b, "matched", number(e.matched()));
        line(b, "deleted", number(e.deleted()));
        line(b, "deleted_bytes", number(e.deletedBytes()));
        line(b, "run_id", number(e.runId()));
        b.append("prev_hash=").append(escape(e.prevHash()));
        return b.toString();
    }

    public static String formatAt(Instant at) {
        return AT.format(at);
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(name).append('=').append(escape(value)).append('\n');
    }

    private static String number(Long value) {
        return value == null ? null : value.toString();
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
