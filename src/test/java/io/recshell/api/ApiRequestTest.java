package io.recshell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

import io.recshell.shell.ExitCode;
import io.recshell.shell.RecshellException;

class ApiRequestTest {

    @Test
    void readsParametersInOrderGiven() {
        ApiRequest request = ApiRequest.parse("recordings_delete?u=admin&s_user_id=5&date_till=1577836799&hash=ab");
        assertThat(request.function()).isEqualTo("recordings_delete");
        assertThat(request.parameters()).containsExactly(
                entry("u", "admin"),
                entry("s_user_id", "5"),
                entry("date_till", "1577836799"),
                entry("hash", "ab"));
    }

    @Test
    void acceptsMorsPathOrAWholeUrlBeforeTheFunction() {
        assertThat(ApiRequest.parse("https://10.0.0.1/billing/api/recordings_delete?u=admin").value("u"))
                .isEqualTo("admin");
        assertThat(ApiRequest.parse("/api/recordings_delete?u=admin").value("u")).isEqualTo("admin");
    }

    @Test
    void urlDecodesNamesAndValues() {
        ApiRequest request = ApiRequest.parse("recordings_delete?u=J%C5%ABrat%C4%97+K&s%5Fuser%5Fid=5");
        assertThat(request.value("u")).isEqualTo("Jūratė K");
        assertThat(request.value("s_user_id")).isEqualTo("5");
    }

    @Test
    void emptyValuesAndEmptySegmentsFilterNothing() {
        ApiRequest request = ApiRequest.parse("recordings_delete?u=admin&&s_device_id=&");
        assertThat(request.value("s_device_id")).isNull();
        assertThat(request.parameters()).containsKeys("u", "s_device_id").hasSize(2);
    }

    @Test
    void unknownParameterIsRefusedByName() {
        assertInvalid("recordings_delete?u=admin&s_usr_id=5", "Unknown parameter 's_usr_id'");
    }

    @Test
    void repeatedParameterIsRefused() {
        assertInvalid("recordings_delete?u=admin&s_user_id=5&s_user_id=6",
                "Parameter 's_user_id' is given more than once");
    }

    @Test
    void repeatedParameterIsFoundAfterDecoding() {
        assertInvalid("recordings_delete?u=admin&s_user_id=5&s%5Fuser_id=6", "given more than once");
    }

    @Test
    void parameterWithoutValueIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> ApiRequest.parse("recordings_delete?u=admin&topsecret"))
                .hasMessageContaining("name=value").hasMessageNotContaining("topsecret");
    }

    @Test
    void otherFunctionsAreRefused() {
        assertInvalid("user_details_get?u=admin", "Unknown API function 'user_details_get'");
    }

    @Test
    void malformedPercentEncodingIsRefused() {
        assertInvalid("recordings_delete?u=ad%ZZmin", "Malformed percent-encoding");
    }

    @Test
    void missingRequestIsRefused() {
        assertInvalid(" ", "api call needs a request");
    }

    private static void assertInvalid(String request, String message) {
        assertThatThrownBy(() -> ApiRequest.parse(request))
                .isInstanceOf(RecshellException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((RecshellException) e).exitCode()).isEqualTo(ExitCode.INVALID);
    }
}
