package io.recshell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Each way of tampering with a chain is found at the entry it touched. */
class ChainVerifierTest {

    @Test
    void anIntactChainHasNoBreakAndEveryEntryIsCounted() {
        ChainVerifier verifier = run(chain(10));

        assertThat(verifier.firstBreak()).isEmpty();
        assertThat(verifier.checked()).isEqualTo(10);
        assertThat(verifier.lastGood()).get().extracting(AuditEntry::id).isEqualTo(10L);
    }

    @Test
    void anEmptyLogIsIntact() {
        ChainVerifier verifier = run(List.of());

        assertThat(verifier.firstBreak()).isEmpty();
        assertThat(verifier.checked()).isZero();
    }

    @Test
    void aChangedEntryIsFoundAtThatEntry() {
        List<AuditEntry> entries = chain(10);
        entries.set(2, changeMessage(entries.get(2), "nothing happened"));

        assertBreak(entries, 3, "entry 3 no longer matches its hash: it was changed");
    }

    @Test
    void aChangedEntryWhoseHashWasRecomputedIsFoundAtThatEntry() {
        List<AuditEntry> entries = chain(10);
        AuditEntry changed = changeMessage(entries.get(2), "nothing happened");
        entries.set(2, changed.withHash(AuditHasher.hash(changed)));

        assertBreak(entries, 3, "entry 3 was changed and its hash recomputed");
    }

    @Test
    void aRemovedEntryIsNamed() {
        List<AuditEntry> entries = chain(10);
        entries.remove(2);

        assertBreak(entries, 3, "entry 3 is missing (the log goes from entry 2 to entry 4)");
    }

    @Test
    void removedEntriesAtTheStartAreNamed() {
        List<AuditEntry> entries = chain(10);
        entries.subList(0, 2).clear();

        assertBreak(entries, 1, "entries 1 to 2 are missing (the log starts at entry 3)");
    }

    @Test
    void anEntryRemovedWithTheLaterOnesRenumberedIsFoundWhereTheGapWas() {
        List<AuditEntry> entries = chain(10);
        entries.remove(2);
        for (int i = 2; i < entries.size(); i++) {
            entries.set(i, entries.get(i).withId(i + 1));
        }

        assertBreak(entries, 3, "entry 3 holds the entry written as entry 4");
    }

    @Test
    void anEntryInsertedWithAValidHashIsNamed() {
        List<AuditEntry> entries = chain(10);
        AuditEntry forged = entry(3, "recordings find --user-id 99", entries.get(1).hash());
        entries.add(2, forged.withHash(AuditHasher.hash(forged)));
        for (int i = 3; i < entries.size(); i++) {
            entries.set(i, entries.get(i).withId(i + 1));
        }

        assertBreak(entries, 3, "entry 3 was inserted after the chain was written: the entry after it names"
                + " entry 2 as its predecessor");
    }

    @Test
    void anEntryInsertedWithAMadeUpHashIsFoundAtThatEntry() {
        List<AuditEntry> entries = chain(10);
        entries.add(2, entry(3, "recordings find --user-id 99", entries.get(1).hash()).withHash("f".repeat(64)));
        for (int i = 3; i < entries.size(); i++) {
            entries.set(i, entries.get(i).withId(i + 1));
        }

        assertBreak(entries, 3, "entry 3 no longer matches its hash");
    }

    @Test
    void twoSwappedNeighboursAreFoundAtTheFirst() {
        List<AuditEntry> entries = chain(10);
        swapPositions(entries, 2, 3);

        assertBreak(entries, 3, "entry 3 holds the entry written as entry 4");
    }

    @Test
    void twoSwappedDistantEntriesAreFoundAtTheFirst() {
        List<AuditEntry> entries = chain(10);
        swapPositions(entries, 2, 6);

        assertBreak(entries, 3, "entry 3 holds the entry written as entry 7");
    }

    @Test
    void aFirstEntryThatDoesNotStartTheChainIsFound() {
        List<AuditEntry> entries = chain(3);
        AuditEntry first = entry(1, "recordings find", "a".repeat(64));
        entries.set(0, first.withHash(AuditHasher.hash(first)));

        assertBreak(entries, 1, "entry 1 does not continue the chain");
    }

    @Test
    void theVerifierStopsAtTheFirstBreak() {
        List<AuditEntry> entries = chain(10);
        entries.set(4, changeMessage(entries.get(4), "x"));
        entries.set(7, changeMessage(entries.get(7), "y"));
        ChainVerifier verifier = ChainVerifier.fromStart(hash -> Optional.empty());

        List<Boolean> answers = entries.stream().map(verifier::accept).toList();

        assertThat(answers).containsExactly(true, true, true, true, false, false, false, false, false, false);
        assertThat(verifier.checked()).isEqualTo(5);
        assertThat(verifier.firstBreak()).get().extracting(ChainBreak::entryId).isEqualTo(5L);
    }

    @Test
    void aVerifierCanStartInTheMiddleOfAChainAsAnExportSinceATimeDoes() {
        List<AuditEntry> entries = chain(10).subList(4, 10);
        ChainVerifier verifier = new ChainVerifier(5, entries.get(0).prevHash(), hash -> Optional.empty());

        entries.forEach(verifier::accept);

        assertThat(verifier.firstBreak()).isEmpty();
        assertThat(verifier.checked()).isEqualTo(6);
    }

    @Test
    void removingTheNewestEntriesLeavesAValidChainSoOnlyAnAnchorKeptElsewhereShowsIt() {
        List<AuditEntry> entries = chain(10).subList(0, 8);

        assertThat(run(entries).firstBreak()).isEmpty();
    }

    static List<AuditEntry> chain(int length) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditHasher.GENESIS;
        for (long id = 1; id <= length; id++) {
            AuditEntry unsigned = entry(id, "recordings find --user-id " + id, previous);
            AuditEntry entry = unsigned.withHash(AuditHasher.hash(unsigned));
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    private static AuditEntry entry(long id, String command, String prevHash) {
        return new AuditEntry(id, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id), "find", command,
                "{\"user_id\":" + id + "}", null, "dba", "db1", "10.0.0.7 50000 22", "recshell", "session-1", "ok",
                id + " recordings matched", id, null, null, null, prevHash, null);
    }

    private static AuditEntry changeMessage(AuditEntry e, String message) {
        return new AuditEntry(e.id(), e.at(), e.action(), e.command(), e.filters(), e.actingUser(), e.osUser(),
                e.host(), e.sshClient(), e.dbUser(), e.sessionId(), e.outcome(), message, e.matched(), e.deleted(),
                e.deletedBytes(), e.runId(), e.prevHash(), e.hash());
    }

    /** Exchanges the ids of two entries, as an UPDATE of the id column would, and re-sorts by id. */
    private static void swapPositions(List<AuditEntry> entries, int first, int second) {
        AuditEntry a = entries.get(first);
        AuditEntry b = entries.get(second);
        entries.set(first, b.withId(a.id()));
        entries.set(second, a.withId(b.id()));
    }

    private static ChainVerifier run(List<AuditEntry> entries) {
        ChainVerifier verifier = ChainVerifier.fromStart(hash -> entries.stream()
                .filter(e -> e.hash().equals(hash)).map(AuditEntry::id).findFirst());
        entries.forEach(verifier::accept);
        return verifier;
    }

    private static void assertBreak(List<AuditEntry> entries, long entryId, String reasonStart) {
        Optional<ChainBreak> found = run(entries).firstBreak();
        assertThat(found).as("a break").isPresent();
        assertThat(found.get().entryId()).as(found.get().describe()).isEqualTo(entryId);
        assertThat(found.get().reason()).startsWith(reasonStart);
    }
}
