package io.recshell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    @Test
    void aPasswordInAJdbcUrlIsMaskedAndTheRestKept() {
        assertThat(SecretMasking.maskText("--db-url jdbc:postgresql://db1:5432/mor?user=dba&password=hunter2&ssl=true"))
                .isEqualTo("--db-url jdbc:postgresql://db1:5432/mor?user=dba&password=***&ssl=true");
    }

    @Test
    void thePasswordOfAUrlsUserInformationIsMasked() {
        assertThat(SecretMasking.maskText("postgresql://dba:hunter2@db1/mor"))
                .isEqualTo("postgresql://dba:***@db1/mor");
        assertThat(SecretMasking.maskText("jdbc:postgresql://db1:5432/mor"))
                .isEqualTo("jdbc:postgresql://db1:5432/mor");
    }

    @Test
    void morApiHashAndSecretParametersAreMaskedButNotOtherParameters() {
        assertThat(SecretMasking.maskText("'recordings_delete?u=admin&s_user_id=5&date_till=1577836799"
                + "&hash=3da29256e422ae9c4ff53a38b262e0fb9461077e'"))
                .isEqualTo("'recordings_delete?u=admin&s_user_id=5&date_till=1577836799&hash=***'");
        assertThat(SecretMasking.maskText("api hash secret=s3cr3t s_user_id=5"))
                .isEqualTo("api hash secret=*** s_user_id=5");
    }

    @Test
    void aSecretOptionMasksTheWordAfterIt() {
        assertThat(SecretMasking.maskWords(List.of("recordings", "find", "--db-password", "hunter2", "--user-id", "5")))
                .containsExactly("recordings", "find", "--db-password", "***", "--user-id", "5");
        assertThat(SecretMasking.maskWords(List.of("api", "call", "--api-secret=abc", "x")))
                .containsExactly("api", "call", "--api-secret=***", "x");
    }

    @Test
    void inTextTooASecretOptionMasksTheValueAfterIt() {
        assertThat(SecretMasking.maskText("recordings find --password hunter2 --user-id 5"))
                .isEqualTo("recordings find --password *** --user-id 5");
        assertThat(SecretMasking.maskText("x --token 'two words' --api-secret \"a b\" -p 5"))
                .isEqualTo("x --token *** --api-secret *** -p 5");
        assertThat(SecretMasking.maskText("recordings delete --yes --password hunter2"))
                .isEqualTo("recordings delete --yes --password ***");
        assertThat(SecretMasking.maskText("--secret-file /etc/api.secret --user-id 5"))
                .isEqualTo("--secret-file /etc/api.secret --user-id 5");
    }

    @Test
    void theFileThatHoldsASecretIsNotASecret() {
        List<String> words = List.of("api", "call", "--secret-file", "/etc/recshell/api.secret",
                "recordings_delete?u=admin&hash=abc");
        assertThat(SecretMasking.maskWords(words))
                .containsExactly("api", "call", "--secret-file", "/etc/recshell/api.secret",
                        "recordings_delete?u=admin&hash=***");
        assertThat(SecretMasking.maskText("--db-password-file /root/.pw")).isEqualTo("--db-password-file /root/.pw");
    }

    @Test
    void withinOneWordASecretValueRunsToTheNextParameterEvenAcrossBlanks() {
        assertThat(SecretMasking.maskWords(List.of("password=two words&user=a")))
                .containsExactly("password=***&user=a");
    }

    @Test
    void secretsInsideJsonTextAreMaskedWithoutBreakingIt() {
        assertThat(SecretMasking.maskText("{\"request\":\"recordings_delete?u=admin&hash=abc\",\"user_id\":5}"))
                .isEqualTo("{\"request\":\"recordings_delete?u=admin&hash=***\",\"user_id\":5}");
    }

    @Test
    void maskingTwiceChangesNothingMore() {
        String once = SecretMasking.maskText("x?password=a&token=b");
        assertThat(once).isEqualTo("x?password=***&token=***");
        assertThat(SecretMasking.maskText(once)).isEqualTo(once);
    }

    @Test
    void ordinaryCommandsAreKeptAsTyped() {
        String command = "recordings delete --user-id 5 --date-till 1577836799 --expect 12 --as reseller1";
        assertThat(SecretMasking.maskText(command)).isEqualTo(command);
        assertThat(SecretMasking.maskText(null)).isNull();
    }

    @Test
    void secretNamesAreRecognisedWhateverTheirCaseOrDashes() {
        assertThat(List.of("password", "PGPASSWORD", "--db-password", "sslpassword", "api_secret", "token", "pwd",
                "hash", "apiKey", "key")).allMatch(SecretMasking::isSecretName);
        assertThat(List.of("user", "u", "s_user_id", "--secret-file", "sslkey_path", "hashes", "monkey", "--as"))
                .noneMatch(SecretMasking::isSecretName);
    }
}
