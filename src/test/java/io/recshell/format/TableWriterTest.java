package io.recshell.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

class TableWriterTest {

    private static final List<String> HEADERS = List.of("id", "at", "command");
    private static final boolean[] RIGHT = {true, false, false};
    private static final boolean[] SHORTENABLE = {false, false, true};

    @Test
    void aWideTableIsFittedToTheDisplayByShorteningOnlyFreeText() {
        String text = render(40, List.of("12345", "2026-12-04T15:33:43Z", "recordings delete --user-id 5 --yes"));
        for (String line : text.split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(40);
        }
        assertThat(text).contains("12345  2026-12-04T15:33:43Z  recordin...\n");
    }

    @Test
    void textColumnsKeepAtLeastEightCharactersEvenIfTheLineOverflows() {
        String text = render(20, List.of("12345", "2026-12-04T15:33:43Z", "recordings delete --user-id 5"));
        assertThat(text).contains("12345  2026-12-04T15:33:43Z  recor...");
    }

    @Test
    void withoutAKnownWidthNothingIsShortened() {
        String text = render(0, List.of("1", "2026-12-04T15:33:43Z", "recordings delete --user-id 5 --yes"));
        assertThat(text).contains("recordings delete --user-id 5 --yes");
    }

    @Test
    void aTableWithoutRowsPrintsNothing() {
        StringWriter buffer = new StringWriter();
        new TableWriter(new Display(buffer, 80), HEADERS, RIGHT, SHORTENABLE).finish();
        assertThat(buffer.toString()).isEmpty();
    }

    private static String render(int width, List<String> row) {
        StringWriter buffer = new StringWriter();
        TableWriter table = new TableWriter(new Display(buffer, width), HEADERS, RIGHT, SHORTENABLE);
        table.row(row);
        table.finish();
        return buffer.toString();
    }

    private static final class Display extends PrintWriter implements WidthAware {

        private final int width;

        Display(StringWriter buffer, int width) {
            super(buffer);
            this.width = width;
        }

        @Override
        public int width() {
            return width;
        }
    }
}
