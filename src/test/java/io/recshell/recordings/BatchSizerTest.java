package io.recshell.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.recshell.shell.RecshellException;

class BatchSizerTest {

    private static final long MS = 1_000_000L;

    private static BatchSettings settings(long targetMillis, int first, int min, int max) {
        return new BatchSettings(targetMillis, first, min, max, null, null);
    }

    @Test
    void aSlowBatchShrinksTheNextToTheTargetTime() {
        BatchSizer sizer = new BatchSizer(settings(40, 1_000, 50, 50_000));
        sizer.observe(1_000, 200 * MS);
        assertThat(sizer.next()).isEqualTo(200);
    }

    @Test
    void aFastBatchAtMostDoublesTheNext() {
        BatchSizer sizer = new BatchSizer(settings(40, 1_000, 50, 50_000));
        sizer.observe(1_000, MS);
        assertThat(sizer.next()).isEqualTo(2_000);
    }

    @Test
    void sizesStayWithinMinimumAndMaximum() {
        BatchSizer sizer = new BatchSizer(settings(40, 1_000, 50, 1_500));
        sizer.observe(1_000, MS);
        assertThat(sizer.next()).isEqualTo(1_500);
        sizer.observe(1_500, 60_000 * MS);
        assertThat(sizer.next()).isEqualTo(50);
    }

    @Test
    void equalMinimumAndMaximumFixTheSize() {
        BatchSizer sizer = new BatchSizer(settings(40, 1_000, 15, 15));
        assertThat(sizer.next()).isEqualTo(15);
        sizer.observe(15, 1);
        assertThat(sizer.next()).isEqualTo(15);
    }

    @Test
    void aMaximumBelowTheDefaultMinimumLowersTheMinimum() {
        assertThat(new BatchSettings(null, null, null, 7, null, null).minSize()).isEqualTo(7);
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> settings(40, 1_000, 100, 10)).isInstanceOf(RecshellException.class)
                .hasMessageContaining("recshell.batch.min-size");
    }

    @Test
    void batchesResumeAfterTheLastCommittedId() {
        long[] ids = {3, 5, 8, 13};
        assertThat(RecordingsService.slice(ids, Long.MIN_VALUE, 2)).containsExactly(3, 5);
        assertThat(RecordingsService.slice(ids, 5, 2)).containsExactly(8, 13);
        assertThat(RecordingsService.slice(ids, 6, 10)).containsExactly(8, 13);
        assertThat(RecordingsService.slice(ids, 13, 2)).isEmpty();
    }
}
