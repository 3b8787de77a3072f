package io.recshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.recshell.support.Recordings;
import io.recshell.support.TestDatabase;
import io.recshell.support.Tmux;

/**
 * The shell as a person meets it: in a real terminal (tmux), typing, pressing Tab and
 * answering the confirmation.
 */
class InteractiveShellIT {

    private TestDatabase db;
    private Path home;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Tmux.available(), "tmux is needed (.ci/run installs it)");
        db = TestDatabase.withSampleData(200);
        home = Files.createTempDirectory("recshell-home");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (db != null) {
            db.close();
        }
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void tabCompletesCommandsOptionsAndUsernames() {
        try (Tmux shell = Tmux.start(db.env(), home, 160)) {
            shell.waitFor("the prompt", s -> s.contains("recshell:" + db.name() + ">"));
            shell.type("rec").send("Tab");
            shell.waitFor("the completed group", s -> s.contains("> recordings ") && !s.contains("recordings\\"));
            shell.type("del").send("Tab");
            shell.waitFor("the completed command", s -> s.contains("> recordings delete"));
            shell.type("--dry").send("Tab");
            shell.waitFor("the completed option", s -> s.contains("> recordings delete --dry-run"));
            shell.send("C-u").type("recordings find --user-id 5 --as gilb").send("Tab");
            shell.waitFor("the completed username", s -> s.contains("--as gilbertas"));
            shell.send("C-u").type("exit").send("Enter");
            assertThat(shell.exitCode()).isZero();
        }
    }

    @Test
    void aWrongConfirmationAbortsAndTheRightOneDeletes() throws Exception {
        long id = 77;
        try (Tmux shell = Tmux.start(db.env(), home, 160)) {
            shell.waitFor("the prompt", s -> s.contains("recshell:" + db.name() + ">"));
            assertThat(shell.screen()).contains("recshell - connected to " + db.name());
            shell.type("recordings delete --recording-id " + id).send("Enter");
            shell.waitFor("the question", s -> s.contains("Type 1 to delete 1 recording"));
            shell.type("2").send("Enter");
            shell.waitFor("the refusal", s -> s.contains("does not match"));
            assertThat(Recordings.exists(db, id)).as("still there after a wrong answer").isTrue();

            shell.type("recordings delete --recording-id " + id).send("Enter");
            shell.waitFor("the second question", s -> count(s, "Type 1 to delete 1 recording") == 2);
            shell.type("1").send("Enter");
            shell.waitFor("the result", s -> s.contains("Deleted 1 recording"));
            assertThat(Recordings.exists(db, id)).as("gone after the right answer").isFalse();

            shell.type("exit").send("Enter");
            assertThat(shell.exitCode()).isZero();
        }
        assertThat(db.jdbc().queryForList("select outcome from recshell.audit_log where action = 'delete' order by id",
                String.class)).containsExactly("aborted", "ok");
        List<String> history = Files.readAllLines(home.resolve(".recshell_history"));
        assertThat(history).as("history kept in the home directory")
                .anyMatch(line -> line.endsWith("recordings delete --recording-id " + id));
        assertThat(history).as("confirmation answers are not history").noneMatch(line -> line.matches(".*:[12]"));
    }

    @Test
    void tablesFitANarrowTerminal() {
        try (Tmux shell = Tmux.start(db.env(), home, 110)) {
            shell.waitFor("the prompt", s -> s.contains("recshell:" + db.name() + ">"));
            shell.type("audit list").send("Enter");
            shell.type("audit list").send("Enter");
            String screen = shell.waitFor("the second listing", s -> s.contains("audit_list  ok"));
            assertThat(screen.lines().filter(l -> l.contains("audit_list"))).allSatisfy(
                    line -> assertThat(line.length()).isLessThanOrEqualTo(110));
            shell.type("exit").send("Enter");
            assertThat(shell.exitCode()).isZero();
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
