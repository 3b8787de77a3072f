package io.recshell.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.recshell.shell.ExitCode;
import io.recshell.shell.RecshellException;

class FilterValidatorTest {

    @Test
    void deleteWithoutAnyFilterIsRefused() {
        RecordingFilter none = FilterValidator.parse(null, null, null, null, null);
        assertThatThrownBy(() -> FilterValidator.checkForDelete(none))
                .isInstanceOf(RecshellException.class)
                .hasMessage("At least one filter must be present")
                .extracting(e -> ((RecshellException) e).exitCode()).isEqualTo(ExitCode.INVALID);
    }

    @Test
    void recordingIdCannotBeCombinedWithAnyOtherFilter() {
        assertInvalid(() -> FilterValidator.parse("1", "5", null, null, null),
                "recording_id cannot be combined with other filters");
        assertInvalid(() -> FilterValidator.parse("1", null, null, "0", null),
                "recording_id cannot be combined with other filters");
        assertInvalid(() -> FilterValidator.parse("1", null, null, null, "10"),
                "recording_id cannot be combined with other filters");
    }

    @Test
    void deviceNeedsUser() {
        assertInvalid(() -> FilterValidator.parse(null, null, "13", null, null), "s_user_id must be present");
    }

    @Test
    void dateFromAfterDateTillIsRefusedButEqualIsAllowed() {
        assertInvalid(() -> FilterValidator.parse(null, null, null, "11", "10"), "Date from is greater than date till");
        RecordingFilter equal = FilterValidator.parse(null, null, null, "10", "10");
        assertThat(equal.dateFrom()).isEqualTo(equal.dateTill());
    }

    @Test
    void valuesThatAreNotWholeNonNegativeNumbersNameTheOptionAndValue() {
        assertInvalid(() -> FilterValidator.parse(null, "abc", null, null, null), "--user-id 'abc'");
        assertInvalid(() -> FilterValidator.parse(null, "5.0", null, null, null), "--user-id '5.0'");
        assertInvalid(() -> FilterValidator.parse(null, "-5", null, null, null), "--user-id '-5'");
        assertInvalid(() -> FilterValidator.parse("99999999999999999999", null, null, null, null),
                "--recording-id '99999999999999999999'");
        assertInvalid(() -> FilterValidator.parse(null, null, null, "", null), "--date-from ''");
    }

    @Test
    void millisecondsWhereSecondsAreExpectedAreRefusedWithAHint() {
        assertThatThrownBy(() -> FilterValidator.parse(null, "5", null, null, "1577836799000"))
                .hasMessageContaining("--date-till '1577836799000'")
                .hasMessageContaining("1577836799");
    }

    @Test
    void valueJustOverTheRangeGetsNoMillisecondsHint() {
        assertThatThrownBy(() -> FilterValidator.parse(null, "5", null, null, "253402300800"))
                .hasMessageContaining("--date-till '253402300800'")
                .hasMessageContaining("out of range")
                .hasMessageNotContaining("milliseconds");
    }

    @Test
    void tillBoundIsInclusiveToTheEndOfItsSecond() {
        RecordingFilter filter = FilterValidator.parse(null, "5", null, null, "1577836799");
        assertThat(filter.tillExclusive()).hasToString("2020-01-01T00:00");
    }

    private static void assertInvalid(Runnable call, String messagePart) {
        assertThatThrownBy(call::run)
                .isInstanceOf(RecshellException.class)
                .hasMessageContaining(messagePart)
                .extracting(e -> ((RecshellException) e).exitCode()).isEqualTo(ExitCode.INVALID);
    }
}
