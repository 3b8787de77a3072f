package io.recshell.files;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of a file pass, read from the database in one short query and kept in a
 * temporary file, so that no transaction stays open while files move and memory does not
 * grow with the number of recordings. Rows arrive sorted by uniqueid, then server, then
 * recording id, so the recordings that share a file are next to each other.
 */
final class Spool implements AutoCloseable {

    private final Path file;
    private final DataOutputStream out;
    private long rows;

    private Spool(Path file) throws IOException {
        this.file = file;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    static Spool create() {
        try {
            return new Spool(Files.createTempFile("recshell-files-", ".spool"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file for the file pass", e);
        }
    }

    void add(FileRow row) {
        try {
            out.writeLong(row.recordingId());
            byte[] uniqueid = row.uniqueid() == null ? null : row.uniqueid().getBytes(StandardCharsets.UTF_8);
            out.writeInt(uniqueid == null ? -1 : uniqueid.length);
            if (uniqueid != null) {
                out.write(uniqueid);
            }
            out.writeBoolean(row.local());
            out.writeBoolean(row.needed());
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the file pass's temporary file " + file, e);
        }
    }

    long rows() {
        return rows;
    }

    /** Reads the rows back, one group per file. */
    void forEachGroup(Consumer<FileGroup> consumer) {
        try {
            out.close();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                    1 << 16))) {
                FileRow first = read(in);
                List<Long> ids = new ArrayList<>();
                while (first != null) {
                    ids.clear();
                    ids.add(first.recordingId());
                    FileRow next = read(in);
                    while (next != null && next.sameFileAs(first)) {
                        ids.add(next.recordingId());
                        next = read(in);
                    }
                    consumer.accept(new FileGroup(first.uniqueid(), first.local(), first.needed(), List.copyOf(ids)));
                    first = next;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the file pass's temporary file " + file, e);
        }
    }

    private static FileRow read(DataInputStream in) throws IOException {
        long id;
        try {
            id = in.readLong();
        } catch (EOFException end) {
            return null;
        }
        int length = in.readInt();
        String uniqueid = null;
        if (length >= 0) {
            byte[] bytes = in.readNBytes(length);
            uniqueid = new String(bytes, StandardCharsets.UTF_8);
        }
        return new FileRow(id, uniqueid, in.readBoolean(), in.readBoolean());
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the temporary file " + file, e);
        }
    }
}
