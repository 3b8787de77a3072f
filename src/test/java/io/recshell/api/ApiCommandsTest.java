package io.recshell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ApiCommandsTest {

    @Test
    void hashParametersAreNameValueWordsInAnyOrder() {
        assertThat(ApiCommands.hashParameters(List.of("date_till=1577836799", "s_user_id=5", "recording_id=")))
                .containsEntry("s_user_id", "5").containsEntry("date_till", "1577836799")
                .containsEntry("recording_id", "");
    }

    @Test
    void parametersOutsideTheHashAreRefused() {
        assertThatThrownBy(() -> ApiCommands.hashParameters(List.of("u=admin")))
                .hasMessageContaining("'u' is not a hash parameter");
    }

    @Test
    void aWordWithoutValueIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> ApiCommands.hashParameters(List.of("hunter2")))
                .hasMessageContaining("name=value").hasMessageNotContaining("hunter2");
    }

    @Test
    void repeatedParameterIsRefused() {
        assertThatThrownBy(() -> ApiCommands.hashParameters(List.of("s_user_id=5", "s_user_id=6")))
                .hasMessageContaining("more than once");
    }
}
