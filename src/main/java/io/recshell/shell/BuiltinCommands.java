package io.recshell.shell;

import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/** help, version, exit/quit and script: the commands every shell has. */
@Component
public class BuiltinCommands {

    private static final String GROUP = "Shell";

    private final HelpPrinter help;
    private final CommandCatalog catalog;
    private final ShellOutput output;
    private final Session session;
    private final ObjectProvider<BuildProperties> build;
    private final ScriptRunner scripts;

    public BuiltinCommands(HelpPrinter help, CommandCatalog catalog, ShellOutput output, Session session,
            ObjectProvider<BuildProperties> build, @Lazy ScriptRunner scripts) {
        this.help = help;
        this.catalog = catalog;
        this.output = output;
        this.session = session;
        this.build = build;
        this.scripts = scripts;
    }

    @Command(name = "help", group = GROUP, description = "List commands, or show one command's options",
            help = "Examples: 'help', 'help recordings delete', 'recordings delete --help'.")
    public void help(@Arguments List<String> words) {
        if (words == null || words.isEmpty()) {
            help.printOverview();
            return;
        }
        AnnotatedCommand command = catalog.byName(String.join(" ", words)).orElseThrow(() ->
                RecshellException.invalid("No command '" + String.join(" ", words)
                        + "'. Type 'help' to list commands."));
        help.printCommand(command);
    }

    @Command(name = "version", group = GROUP, description = "Show recshell's version")
    public void version() {
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion() : "development build";
        output.println("recshell " + version + " (Java " + Runtime.version() + ")");
    }

    @Command(name = "exit", alias = "quit", group = GROUP, description = "Leave the shell (also: quit)")
    public void exit() {
        session.requestExit();
    }

    @Command(name = "script", group = GROUP, description = "Run a file of commands, stopping at the first failure",
            help = "One command a line; blank lines and lines starting with '#' are skipped. Commands in a"
                    + " script never prompt: deletes need --yes or --expect N.")
    public void script(@Argument(index = 0, description = "FILE") String file) {
        if (file == null) {
            throw RecshellException.invalid("script needs a FILE: script FILE");
        }
        ExitCode code = scripts.runFile(Path.of(file));
        if (code != ExitCode.OK) {
            throw new RecshellException(code, "script " + file + " stopped with exit code " + code.code());
        }
    }
}
