package io.recshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MorHashTest {

    @Test
    void seedExampleGivesMorsHash() {
        assertThat(MorHash.of(Map.of("s_user_id", "5", "date_till", "1577836799"), "secret"))
                .isEqualTo("3da29256e422ae9c4ff53a38b262e0fb9461077e");
    }

    @Test
    void valuesAreTakenInMorsOrderWhateverOrderTheyAreGivenIn() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("date_till", "1612137599");
        given.put("date_from", "1609459200");
        given.put("s_device_id", "13");
        given.put("s_user_id", "5");
        assertThat(MorHash.of(given, "secret")).isEqualTo("e794bcb581d2e71d407244f6a200cec489a7542e");
    }

    @Test
    void noParametersHashesTheSecretAlone() {
        assertThat(MorHash.of(Map.of(), "secret")).isEqualTo("e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4");
    }

    @Test
    void parametersOutsideTheHashAreIgnored() {
        assertThat(MorHash.of(Map.of("u", "admin", "hash", "x", "recording_id", "45454"), "secret"))
                .isEqualTo(MorHash.of(Map.of("recording_id", "45454"), "secret"));
    }

    @Test
    void matchesIgnoresHexCaseAndRefusesAWrongOrMissingHash() {
        Map<String, String> values = Map.of("s_user_id", "5", "date_till", "1577836799");
        assertThat(MorHash.matches("3DA29256E422AE9C4FF53A38B262E0FB9461077E", values, "secret")).isTrue();
        assertThat(MorHash.matches("3da29256e422ae9c4ff53a38b262e0fb9461077f", values, "secret")).isFalse();
        assertThat(MorHash.matches(null, values, "secret")).isFalse();
        assertThat(MorHash.matches("3da29256e422ae9c4ff53a38b262e0fb9461077e", values, "Secret")).isFalse();
    }
}
