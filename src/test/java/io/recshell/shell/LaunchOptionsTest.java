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
    void unknownGlobalOptionIsAnError() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--db-ulr", "x"}))
                .hasMessageContaining("--db-ulr");
    }

    @Test
    void helpAsFirstArgumentBecomesTheHelpCommand() {
        assertThat(LaunchOptions.parse(new String[] {"--help"}).commandWords()).containsExactly("help");
    }
}
