package io.recshell.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Chooses how this process runs and remembers its exit code:
 * <ul>
 * <li>{@code recshell COMMAND ...}: one command, then exit with its code;</li>
 * <li>{@code recshell --file FILE} or {@code recshell < FILE}: a script;</li>
 * <li>{@code recshell} on a terminal: the interactive shell.</li>
 * </ul>
 */
@Component
public class ShellLauncher implements ApplicationRunner, ExitCodeGenerator {

    private final LaunchOptions launch;
    private final CommandRunner commands;
    private final ScriptRunner scripts;
    private final InteractiveShell interactive;
    private final Session session;
    private ExitCode exitCode = ExitCode.OK;

    public ShellLauncher(LaunchOptions launch, CommandRunner commands, ScriptRunner scripts,
            InteractiveShell interactive, Session session) {
        this.launch = launch;
        this.commands = commands;
        this.scripts = scripts;
        this.interactive = interactive;
        this.session = session;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!launch.commandWords().isEmpty()) {
            if (Terminals.stdinIsTerminal() && Terminals.stdoutIsTerminal()) {
                session.prompter(ConsolePrompter::ask);
            }
            session.standardInputFree(true);
            exitCode = commands.run(launch.commandWords());
        } else if (launch.scriptFile() != null) {
            exitCode = scripts.runFile(launch.scriptFile());
        } else if (!Terminals.stdinIsTerminal()) {
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            exitCode = scripts.run(stdin, "<stdin>");
        } else {
            exitCode = interactive.run();
        }
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }
}
