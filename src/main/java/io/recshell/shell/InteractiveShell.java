package io.recshell.shell;

import java.io.IOException;
import java.nio.file.Path;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final CommandInterrupter interrupter;
    private final io.recshell.db.DatabaseGate gate;

    public InteractiveShell(CommandCatalog catalog, CommandRunner commands, Session session,
            ConnectionSettings settings, ShellOutput output, UserCompletions users, CommandInterrupter interrupter,
            io.recshell.db.DatabaseGate gate) {
        this.interrupter = interrupter;
        this.gate = gate;
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
            session.prompter(question -> readAnswer(terminal, reader, question));
            output.widthFrom(terminal::getWidth);
            terminal.handle(Terminal.Signal.INT, signal -> interrupter.interrupt());
            terminal.writer().println(banner());
            terminal.writer().flush();
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
        interrupter.commandStarts();
        try {
            commands.run(Tokenizer.split(trimmed));
        } catch (RecshellException e) {
            System.err.println("error: " + e.getMessage());
        } finally {
            interrupter.commandEnds();
        }
    }

    /** Says where recshell is connected, after trying: a banner must not claim a connection. */
    private String banner() {
        String where = settings.database() + " on " + settings.host() + ":" + settings.port() + " as "
                + settings.user();
        try {
            gate.ready();
            return "recshell - connected to " + where + ". Type 'help' for commands, 'exit' to leave.";
        } catch (RecshellException e) {
            return "recshell - NOT connected to " + where + ": " + e.getMessage()
                    + "\nCommands that need the database will fail. Type 'help' for commands, 'exit' to leave.";
        }
    }

    private LineReader lineReader(Terminal terminal) {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("recshell")
                .completer(new ShellCompleter(catalog, users))
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

    /**
     * Asks the confirmation question. Keys typed before the question appeared are thrown
     * away (a number typed ahead must not confirm a dry run nobody has seen), and the
     * answer is kept out of the history.
     */
    private static String readAnswer(Terminal terminal, LineReader reader, String question) {
        discardTypeAhead(terminal);
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            return reader.readLine(question);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
        }
    }

    private static void discardTypeAhead(Terminal terminal) {
        Attributes cooked = terminal.enterRawMode();
        try {
            NonBlockingReader in = terminal.reader();
            while (in.peek(20) >= 0) {
                in.read();
            }
        } catch (IOException e) {
            log.debug("could not discard type-ahead: {}", e.getMessage());
        } finally {
            terminal.setAttributes(cooked);
        }
    }
}
