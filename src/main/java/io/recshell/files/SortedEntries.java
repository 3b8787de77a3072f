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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The recording-like entries of a folder ({@code <uniqueid>.mp3}), sorted by uniqueid in
 * bounded memory: the folder is read lazily, in chunks of at most {@code chunkSize}
 * entries; each full chunk is sorted and written to a temporary run file, and the runs are
 * merged on reading. Memory grows with the chunk size and the number of runs, not with the
 * number of files.
 */
final class SortedEntries implements Iterator<NamedEntry>, AutoCloseable {

    private static final Comparator<NamedEntry> BY_UNIQUEID = Comparator.comparing(NamedEntry::uniqueid,
            NamedEntry.ORDER);

    private final Path runsDir;
    private final List<Run> runs = new ArrayList<>();
    private final PriorityQueue<Run> heads = new PriorityQueue<>(Comparator.comparing(Run::head, BY_UNIQUEID));
    private Iterator<NamedEntry> inMemory;
    private long entries;
    private long skipped;

    private SortedEntries(Path runsDir) {
        this.runsDir = runsDir;
    }

    /** Reads and sorts the entries of an open folder. */
    static SortedEntries of(Folder folder, int chunkSize) throws IOException {
        SortedEntries sorted = new SortedEntries(Files.createTempDirectory("recshell-orphans-"));
        try {
            sorted.read(folder, chunkSize);
            return sorted;
        } catch (IOException | RuntimeException e) {
            sorted.close();
            throw e;
        }
    }

    private void read(Folder folder, int chunkSize) throws IOException {
        List<NamedEntry> chunk = new ArrayList<>();
        Iterator<Path> names = folder.names();
        while (names.hasNext()) {
            String name = names.next().getFileName().toString();
            String uniqueid = FileName.uniqueidOf(name);
            if (uniqueid == null) {
                skipped++;
                continue;
            }
            Entry entry = folder.stat(name);
            if (entry.isAbsent()) {
                continue; // removed while the folder was being read
            }
            chunk.add(new NamedEntry(uniqueid, entry));
            entries++;
            if (chunk.size() >= chunkSize) {
                spill(chunk);
                chunk.clear();
            }
        }
        chunk.sort(BY_UNIQUEID);
        if (runs.isEmpty()) {
            inMemory = chunk.iterator();
            return;
        }
        if (!chunk.isEmpty()) {
            spill(chunk);
        }
        for (Run run : runs) {
            if (run.advance()) {
                heads.add(run);
            }
        }
    }

    private void spill(List<NamedEntry> chunk) throws IOException {
        chunk.sort(BY_UNIQUEID);
        Path file = runsDir.resolve("run-" + runs.size());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                1 << 16))) {
            for (NamedEntry named : chunk) {
                byte[] uniqueid = named.uniqueid().getBytes(StandardCharsets.UTF_8);
                out.writeInt(uniqueid.length);
                out.write(uniqueid);
                out.writeByte(named.entry().kind().ordinal());
                out.writeLong(named.entry().size());
                out.writeLong(named.entry().modified() == null ? Long.MIN_VALUE
                        : named.entry().modified().toEpochMilli());
            }
        }
        runs.add(new Run(file));
    }

    /** How many recording-like entries the folder holds. */
    long entries() {
        return entries;
    }

    /** Entries whose names are not {@code <uniqueid>.mp3} (other files, the quarantine folder). */
    long skipped() {
        return skipped;
    }

    /** How many temporary runs the sort needed (0: it fitted in memory). */
    int runCount() {
        return runs.size();
    }

    @Override
    public boolean hasNext() {
        return inMemory != null ? inMemory.hasNext() : !heads.isEmpty();
    }

    @Override
    public NamedEntry next() {
        if (inMemory != null) {
            return inMemory.next();
        }
        Run run = heads.poll();
        if (run == null) {
            throw new NoSuchElementException();
        }
        NamedEntry head = run.head();
        if (run.advance()) {
            heads.add(run);
        }
        return head;
    }

    @Override
    public void close() {
        for (Run run : runs) {
            run.close();
        }
        try (var files = Files.list(runsDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(runsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the temporary folder " + runsDir, e);
        }
    }

    /** One sorted run file being read. */
    private static final class Run {

        private final Path file;
        private DataInputStream in;
        private NamedEntry head;

        Run(Path file) {
            this.file = file;
        }

        NamedEntry head() {
            return head;
        }

        boolean advance() {
            try {
                if (in == null) {
                    in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                }
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    close();
                    head = null;
                    return false;
                }
                String uniqueid = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                Entry.Kind kind = Entry.Kind.values()[in.readByte()];
                long size = in.readLong();
                long modified = in.readLong();
                head = new NamedEntry(uniqueid, new Entry(kind, size,
                        modified == Long.MIN_VALUE ? null : Instant.ofEpochMilli(modified)));
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the temporary file " + file, e);
            }
        }

        void close() {
            if (in == null) {
                return;
            }
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                in = null;
            }
        }
    }
}
