package io.recshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void globalOptionsBeforeTheCommandAreTakenAndTheRestIsTheCommand() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--db-url", "jdbc:postgresql://h/db",
            "--db-user=dba", "recordings", "find", "--user-id", "5"});
        assertThat(options.dbUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(options.dbUser()).isEqualTo("dba");
        assertThat(options.commandWords()).containsExactly("recordings", "find", "--user-id", "5");
    }

    @Test
    void passwordsOnTheCommandLineAreRefused() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--db-password", "x", "version"}))
                .hasMessageContaining("never accepted on the command line");
    }

    @Test
    void springPasswordPropertiesAreRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--spring.datasource.password=hunter2",
            "version"}))
                .hasMessageContaining("--spring.datasource.password").hasMessageContaining("PGPASSWORD")
                .hasMessageContaining("--db-password-file").hasMessageNotContaining("hunter2")
                .isInstanceOfSatisfying(RecshellException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID));
    }

    @Test
    void urlsCarryingAPasswordAreRefusedWithoutEchoingIt() {
        for (String url : new String[] {"jdbc:postgresql://h/db?user=a&password=hunter2",
            "jdbc:postgresql://h/db?PASSWORD=hunter2", "jdbc:postgresql://a:hunter2@h:5432/db",
            "jdbc:postgresql://h/db?sslpassword=hunter2"}) {
            assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--db-url", url, "version"}))
                    .as(url).hasMessageContaining("--db-url").hasMessageContaining("~/.pgpass")
                    .hasMessageNotContaining("hunter2");
            assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--spring.datasource.url=" + url}))
                    .as(url).hasMessageNotContaining("hunter2");
        }
    }

    @Test
    void urlsWithoutPasswordAreAccepted() {
        assertThat(LaunchOptions.parse(new String[] {"--db-url", "jdbc:postgresql://a@h:5432/db?user=a"}).dbUrl())
                .isEqualTo("jdbc:postgresql://a@h:5432/db?user=a");
    }

    @Test
    void unknownGlobalOptionDoesNotEchoASecret() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--api-secret=hunter2", "version"}))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void repeatedGlobalOptionsAreAnError() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--db-user", "a", "--db-user=b", "version"}))
                .hasMessageContaining("Option --db-user is given more than once");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--file", "a.rsh", "--file", "b.rsh"}))
                .hasMessageContaining("Option --file is given more than once");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--echo", "--echo", "--file", "a.rsh"}))
                .hasMessageContaining("Option --echo is given more than once");
    }

    @Test
    void unknownGlobalOptionIsAnError() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--db-ulr", "x"}))
                .hasMessageContaining("--db-ulr");
    }

    @Test
    void helpAsFirstArgumentBecomesTheHelpCommand() {
        assertThat(LaunchOptions.parse(new String[] {"--help"}).commandWords()).containsExactly("help");
    }
}
