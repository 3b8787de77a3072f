package io.recshell.shell;

import java.util.List;

import org.springframework.shell.core.command.ParsedInput;

/**
 * A command line that passed the strict parser: the command it names, its options and
 * arguments, the words as typed, and whether the user asked for the command's help.
 */
public record ParsedCommand(AnnotatedCommand command, ParsedInput input, List<String> words,
        boolean helpRequested) {

    public String typed() {
        return Tokenizer.join(words);
    }
}
