package io.recshell.format;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams rows in one of the output formats, holding no more than a table needs to size
 * its columns. CSV is RFC 4180 (Commons CSV), JSON comes from Jackson: a bare array, or an
 * object with header fields (such as the total) and the rows under one name.
 */
public final class Listing<T> implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutputFormat format;
    private final List<Column<T>> columns;
    private final PrintWriter out;
    private final boolean wrapped;
    private TableWriter table;
    private CSVPrinter csv;
    private JsonGenerator json;

    private Listing(OutputFormat format, PrintWriter out, List<Column<T>> columns, boolean wrapped) {
        this.format = format;
        this.columns = columns;
        this.out = out;
        this.wrapped = wrapped;
    }

    /**
     * @param jsonHeader for JSON: fields written before the rows, or null for a bare array
     * @param jsonRowsName for JSON with a header: the name of the rows array
     */
    public static <T> Listing<T> open(OutputFormat format, PrintWriter out, List<Column<T>> columns,
            Map<String, Object> jsonHeader, String jsonRowsName) {
        Listing<T> listing = new Listing<>(format, out, columns, jsonHeader != null);
        listing.start(jsonHeader, jsonRowsName);
        return listing;
    }

    private void start(Map<String, Object> jsonHeader, String rowsName) {
        switch (format) {
            case TABLE -> {
                boolean[] right = new boolean[columns.size()];
                boolean[] shortenable = new boolean[columns.size()];
                List<String> names = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    right[i] = columns.get(i).rightAligned();
                    shortenable[i] = columns.get(i).shortenable();
                    names.add(columns.get(i).name());
                }
                table = new TableWriter(out, names, right, shortenable);
            }
            case CSV -> {
                try {
                    csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                            .setHeader(columns.stream().map(Column::name).toArray(String[]::new))
                            .setRecordSeparator("\n").get());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case JSON -> {
                json = JSON.writer().with(new RowPerLine()).createGenerator(out);
                if (wrapped) {
                    json.writeStartObject();
                    jsonHeader.forEach(json::writePOJOProperty);
                    json.writeName(rowsName);
                }
                json.writeStartArray();
            }
        }
    }

    public void add(T row) {
        switch (format) {
            case TABLE -> table.row(columns.stream().map(c -> c.human().apply(row)).toList());
            case CSV -> {
                try {
                    List<Object> values = new ArrayList<>(columns.size());
                    for (Column<T> column : columns) {
                        values.add(column.raw().apply(row));
                    }
                    csv.printRecord(values);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case JSON -> {
                json.writeStartObject();
                for (Column<T> column : columns) {
                    json.writeName(column.name());
                    writeValue(column.raw().apply(row));
                }
                json.writeEndObject();
            }
        }
    }

    /** Plain values directly (the common case, and much faster); anything else through Jackson. */
    private void writeValue(Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else {
            json.writePOJO(value);
        }
    }

    @Override
    public void close() {
        switch (format) {
            case TABLE -> table.finish();
            case CSV -> {
                try {
                    csv.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case JSON -> {
                json.writeEndArray();
                if (wrapped) {
                    json.writeEndObject();
                }
                json.flush();
                out.println();
            }
        }
        out.flush();
    }

    /**
     * Compact JSON with each element of an array on a line of its own, so that a listing
     * can be read (and cut with head) row by row while it streams.
     */
    private static final class RowPerLine extends MinimalPrettyPrinter {

        private static final long serialVersionUID = 1L;

        @Override
        public void beforeArrayValues(JsonGenerator generator) {
            generator.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator generator) {
            generator.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator generator, int values) {
            if (values > 0) {
                generator.writeRaw('\n');
            }
            generator.writeRaw(']');
        }
    }
}
