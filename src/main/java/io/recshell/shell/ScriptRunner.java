package io.recshell.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import io.recshell.audit.SecretMasking;

/**
 * Runs a file of commands, one a line; blank lines and lines starting with '#' are
 * skipped. It stops at the first command that fails and returns that command's exit code,
 * after naming the file and line. Nothing in a script ever prompts.
 */
@Component
public class ScriptRunner {

    private final CommandRunner commands;
    private final Session session;
    private final ShellOutput output;
    private final boolean echo;

    public ScriptRunner(CommandRunner commands, Session session, ShellOutput output, LaunchOptions launch) {
        this.commands = commands;
        this.session = session;
        this.output = output;
        this.echo = launch.echo();
    }

    public ExitCode runFile(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return run(reader, file.toString());
        } catch (NoSuchFileException e) {
            output.error("Script file not found: " + file);
            return ExitCode.INVALID;
        } catch (IOException e) {
            output.error("Cannot read script file " + file + ": " + e.getMessage());
            return ExitCode.INVALID;
        }
    }

    public ExitCode run(BufferedReader reader, String sourceName) throws IOException {
        session.enterScript();
        try {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null && !session.exitRequested()) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (echo) {
                    output.println("");
                    output.println("recshell> " + trimmed);
                }
                ExitCode code = runLine(trimmed);
                if (code != ExitCode.OK) {
                    output.notice("recshell: stopped at " + sourceName + " line " + lineNumber + " (exit code "
                            + code.code() + "): " + SecretMasking.maskText(trimmed));
                    return code;
                }
            }
            return ExitCode.OK;
        } finally {
            session.leaveScript();
        }
    }

    private ExitCode runLine(String line) {
        try {
            return commands.run(Tokenizer.split(line));
        } catch (RecshellException e) {
            output.error(e.getMessage());
            return e.exitCode();
        }
    }
}
