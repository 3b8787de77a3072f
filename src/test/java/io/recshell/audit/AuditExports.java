package io.recshell.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the files of audit export back into entries, with real CSV and JSON parsers. */
final class AuditExports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditExports() {
    }

    static List<AuditEntry> readCsv(Path file) throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        forEachCsv(file, entries::add);
        return entries;
    }

    /** Streams the entries of a CSV export, one record at a time. */
    static void forEachCsv(Path file, Consumer<AuditEntry> consumer) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                consumer.accept(entry(name -> row.get(name).isEmpty() ? null : row.get(name)));
            }
        }
    }

    static List<AuditEntry> readJson(Path file) {
        List<AuditEntry> entries = new ArrayList<>();
        for (JsonNode node : JSON.readTree(file.toFile())) {
            entries.add(entry(name -> node.get(name).isNull() ? null : node.get(name).asString()));
        }
        return entries;
    }

    private static AuditEntry entry(Function<String, String> field) {
        return new AuditEntry(Long.parseLong(field.apply("id")), Instant.parse(field.apply("at")),
                field.apply("action"), field.apply("command"), field.apply("filters"), field.apply("acting_user"),
                field.apply("os_user"), field.apply("host"), field.apply("ssh_client"), field.apply("db_user"),
                field.apply("session_id"), field.apply("outcome"), field.apply("message"),
                number(field.apply("matched")), number(field.apply("deleted")), number(field.apply("deleted_bytes")),
                number(field.apply("run_id")), field.apply("prev_hash"), field.apply("hash"));
    }

    private static Long number(String text) {
        return text == null ? null : Long.valueOf(text);
    }
}
