package io.recshell.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.recshell.shell.RecshellException;

class OperatorTest {

    @Test
    void eachProcessDrawsItsOwnSessionIdUnlessOneIsGiven() {
        Operator first = Operator.current(Map.of());
        Operator second = Operator.current(Map.of());

        assertThat(first.sessionId()).isNotEqualTo(second.sessionId()).hasSize(36);
        assertThat(Operator.current(Map.of("RECSHELL_SESSION_ID", "runbook-2026-12-04.1")).sessionId())
                .isEqualTo("runbook-2026-12-04.1");
    }

    @Test
    void aSessionIdThatIsNotAPlainTokenIsRefused() {
        assertThatThrownBy(() -> Operator.current(Map.of("RECSHELL_SESSION_ID", "a b; drop")))
                .isInstanceOf(RecshellException.class)
                .hasMessageContaining("Invalid RECSHELL_SESSION_ID 'a b; drop'");
        assertThatThrownBy(() -> Operator.current(Map.of("RECSHELL_SESSION_ID", "x".repeat(65))))
                .isInstanceOf(RecshellException.class);
    }

    @Test
    void theSshClientComesFromSshClientElseSshConnection() {
        assertThat(Operator.current(Map.of("SSH_CLIENT", "10.1.2.3 50000 22")).sshClient())
                .isEqualTo("10.1.2.3 50000 22");
        assertThat(Operator.current(Map.of("SSH_CONNECTION", "10.1.2.3 50000 10.0.0.1 22")).sshClient())
                .isEqualTo("10.1.2.3 50000 10.0.0.1 22");
        assertThat(Operator.current(Map.of()).sshClient()).isNull();
    }

    @Test
    void theOsUserIsTheProcessOwnerNotTheUserVariable() {
        assertThat(Operator.current(Map.of("USER", "somebody-else")).osUser())
                .isEqualTo(System.getProperty("user.name"));
    }
}
