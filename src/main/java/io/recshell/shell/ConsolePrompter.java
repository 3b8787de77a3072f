package io.recshell.shell;

import java.io.Console;

/** Asks a question on the process's console, for one-shot commands run at a terminal. */
final class ConsolePrompter {

    private ConsolePrompter() {
    }

    static String ask(String question) {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        return console.readLine("%s", question);
    }
}
