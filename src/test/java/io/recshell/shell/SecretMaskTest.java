package io.recshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void ordinaryCommandsAreJoinedUnchanged() {
        List<String> words = List.of("recordings", "delete", "--user-id", "5", "--date-till", "1577836799", "--yes");
        assertThat(SecretMask.join(words)).isEqualTo(Tokenizer.join(words));
    }

    @Test
    void secretFilePathIsKept() {
        assertThat(SecretMask.join(List.of("api", "hash", "--secret-file", "/etc/mor-secret", "s_user_id=5")))
                .isEqualTo("api hash --secret-file /etc/mor-secret s_user_id=5");
    }

    @Test
    void valuesOfSecretLikeOptionsAreMasked() {
        assertThat(SecretMask.join(List.of("api", "hash", "--secret", "hunter2", "s_user_id=5")))
                .isEqualTo("api hash --secret ******** s_user_id=5");
        assertThat(SecretMask.join(List.of("api", "hash", "--api-key=hunter2")))
                .isEqualTo("api hash --api-key=********");
        assertThat(SecretMask.join(List.of("recordings", "find", "--password", "--yes")))
                .isEqualTo("recordings find --password --yes");
    }

    @Test
    void secretLikeParametersOfARequestAreMaskedAndTheHashCut() {
        String request = "recordings_delete?u=admin&s_user_id=5&secret=hunter2"
                + "&hash=3da29256e422ae9c4ff53a38b262e0fb9461077e";
        assertThat(SecretMask.join(List.of("api", "call", request))).isEqualTo(
                "api call 'recordings_delete?u=admin&s_user_id=5&secret=********&hash=3da29256********'");
    }

    @Test
    void nameValueWordsWithSecretNamesAreMasked() {
        assertThat(SecretMask.join(List.of("api", "hash", "password=hunter2", "date_till=1")))
                .isEqualTo("api hash password=******** date_till=1");
    }
}
