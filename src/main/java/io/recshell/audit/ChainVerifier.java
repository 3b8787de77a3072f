package io.recshell.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Recomputes the audit chain one entry at a time, in id order, holding only the entry
 * before the current one, so that memory stays the same for ten entries or ten million.
 * Every entry must have the next id, name the previous entry's hash as its
 * {@code prev_hash}, and hash to its own {@code hash}. At the first entry that does not,
 * it says which entry was changed, removed, inserted or moved:
 *
 * <pre>
 * ChainVerifier verifier = ChainVerifier.fromStart(repository::idOfHash);
 * entries.forEach(e -> verifier.accept(e));   // accept returns false once broken
 * verifier.firstBreak().ifPresent(b -> System.out.println(b.describe()));
 * </pre>
 */
public final class ChainVerifier {

    private final Function<String, Optional<Long>> idOfHash;
    private long expectedId;
    private String expectedPrevHash;
    private AuditEntry previous;
    private long checked;
    private ChainBreak firstBreak;

    /**
     * @param firstId the id the first entry fed must have
     * @param firstPrevHash the hash the first entry must name as its predecessor
     * @param idOfHash finds the entry (by id) that now holds a hash, to tell a moved entry
     *        from a changed one; may always answer empty
     */
    public ChainVerifier(long firstId, String firstPrevHash, Function<String, Optional<Long>> idOfHash) {
        this.expectedId = firstId;
        this.expectedPrevHash = firstPrevHash;
        this.idOfHash = idOfHash;
    }

    /** A verifier of a whole log: entry 1 first, chained to {@link AuditHasher#GENESIS}. */
    public static ChainVerifier fromStart(Function<String, Optional<Long>> idOfHash) {
        return new ChainVerifier(1, AuditHasher.GENESIS, idOfHash);
    }

    /** Checks the next entry; returns false once the chain is broken (feed no more). */
    public boolean accept(AuditEntry entry) {
        if (firstBreak != null) {
            return false;
        }
        checked++;
        firstBreak = check(entry);
        if (firstBreak != null) {
            return false;
        }
        previous = entry;
        expectedId = entry.id() + 1;
        expectedPrevHash = entry.hash();
        return true;
    }

    /** How many entries were read, the breaking one included. */
    public long checked() {
        return checked;
    }

    /** The last entry that checked out, if any. */
    public Optional<AuditEntry> lastGood() {
        return Optional.ofNullable(previous);
    }

    public Optional<ChainBreak> firstBreak() {
        return Optional.ofNullable(firstBreak);
    }

    private ChainBreak check(AuditEntry e) {
        if (e.id() != expectedId) {
            return wrongId(e);
        }
        boolean contentMatches = AuditHasher.matches(e);
        boolean linked = expectedPrevHash.equals(e.prevHash());
        if (contentMatches && linked) {
            return null;
        }
        if (previous != null && previous.prevHash().equals(e.prevHash())
                && (contentMatches || writtenAt(e, e.id() - 1))) {
            return new ChainBreak(previous.id(), "entry " + previous.id() + " was inserted after the chain was"
                    + " written: the entry after it names " + predecessorOf(previous.id())
                    + " as its predecessor");
        }
        if (!contentMatches) {
            return writtenAtAnotherPosition(e)
                    .map(position -> new ChainBreak(e.id(), "entry " + e.id() + " holds the entry written as"
                            + " entry " + position + ": entries were swapped or moved, or removed or inserted"
                            + " and the later ones renumbered"))
                    .orElseGet(() -> new ChainBreak(e.id(), "entry " + e.id() + " no longer matches its hash:"
                            + " it was changed after it was written"));
        }
        if (previous == null) {
            return new ChainBreak(e.id(), "entry " + e.id() + " does not continue the chain: it names "
                    + shortHash(e.prevHash()) + " as its predecessor's hash, where " + shortHash(expectedPrevHash)
                    + " was expected");
        }
        return new ChainBreak(previous.id(), "entry " + previous.id() + " was changed and its hash recomputed,"
                + " or replaced: entry " + e.id() + " names " + shortHash(e.prevHash()) + " as its predecessor's"
                + " hash, but entry " + previous.id() + " has " + shortHash(previous.hash()));
    }

    private ChainBreak wrongId(AuditEntry e) {
        if (e.id() < expectedId) {
            return new ChainBreak(e.id(), "entry " + e.id() + " appears again or out of order, after entry "
                    + (expectedId - 1));
        }
        String missing = e.id() == expectedId + 1 ? "entry " + expectedId + " is missing"
                : "entries " + expectedId + " to " + (e.id() - 1) + " are missing";
        String span = previous == null ? "the log starts at entry " + e.id()
                : "the log goes from entry " + previous.id() + " to entry " + e.id();
        return new ChainBreak(expectedId, missing + " (" + span + "): removed after they were written");
    }

    /** Whether the entry hashes right when given another id: it was written at that position. */
    private static boolean writtenAt(AuditEntry e, long position) {
        return position > 0 && AuditHasher.matches(e.withId(position));
    }

    private Optional<Long> writtenAtAnotherPosition(AuditEntry e) {
        List<Long> candidates = new ArrayList<>(3);
        if (AuditHasher.GENESIS.equals(e.prevHash())) {
            candidates.add(1L);
        } else {
            idOfHash.apply(e.prevHash()).ifPresent(id -> candidates.add(id + 1));
        }
        candidates.add(e.id() + 1);
        candidates.add(e.id() - 1);
        return candidates.stream().filter(position -> position != e.id() && writtenAt(e, position)).findFirst();
    }

    private static String predecessorOf(long id) {
        return id > 1 ? "entry " + (id - 1) : "the start of the chain";
    }

    private static String shortHash(String hash) {
        return hash == null ? "nothing" : hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
    }
}
