package io.recshell.shell;

import java.io.IOException;
import java.nio.file.Path;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.stereotype.Component;

import io.recshell.db.ConnectionSettings;

/**
 * The interactive shell on a terminal: JLine line editing, tab completion of commands,
 * options and user names or ids ({@link ShellCompleter}), history in ~/.recshell_history,
 * and a prompt that names the database. The terminal is only opened here, so scripts and
 * one-shot commands never touch it.
 */
@Component
public class InteractiveShell {

    private static final Logger log = LoggerFactory.getLogger(InteractiveShell.class);

    private final CommandCatalog catalog;
    private final CommandRunner commands;
    private final Session session;
    private final ConnectionSettings settings;
    private final ShellOutput output;
    private final UserCompletions users;

    public InteractiveShell(CommandCatalog catalog, CommandRunner commands, Session session,
            ConnectionSettings settings, ShellOutput output, UserCompletions users) {
        this.catalog = catalog;
        this.commands = commands;
        this.session = session;
        this.settings = settings;
        this.output = output;
        this.users = users;
    }

    public ExitCode run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = lineReader(terminal);
            session.prompter(question -> readAnswer(reader, question));
            output.widthFrom(terminal::getWidth);
            terminal.writer().println("recshell - connected as " + settings.user() + " to " + settings.database()
                    + " on " + settings.host() + ":" + settings.port() + ". Type 'help' for commands, 'exit' to leave.");
            String prompt = "recshell:" + settings.database() + "> ";
            while (!session.exitRequested()) {
                String line;
                try {
                    line = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                runLine(line);
            }
            reader.getHistory().save();
        }
        return ExitCode.OK;
    }

    private void runLine(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return;
        }
        try {
            commands.run(Tokenizer.split(trimmed));
        } catch (RecshellException e) {
            System.err.println("error: " + e.getMessage());
        }
    }

    private LineReader lineReader(Terminal terminal) {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("recshell")
                .completer(new ShellCompleter(new CommandCompleter(catalog.registry()), users))
                .parser(parser)
                .history(new DefaultHistory())
                .variable(LineReader.HISTORY_FILE, historyFile())
                .variable(LineReader.HISTORY_SIZE, 5_000)
                .build();
        reader.unsetOpt(LineReader.Option.INSERT_TAB);
        log.debug("history file {}", historyFile());
        return reader;
    }

    private static Path historyFile() {
        return Path.of(System.getProperty("user.home"), ".recshell_history");
    }

    private static String readAnswer(LineReader reader, String question) {
        try {
            return reader.readLine(question);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }
}
