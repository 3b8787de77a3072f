package io.recshell.shell;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

/**
 * The state of this shell session that commands may ask about: whether a person can be
 * asked a question right now (never while a script runs) and how to ask it.
 */
@Component
public class Session {

    private UnaryOperator<String> prompter;
    private int scriptDepth;
    private boolean exitRequested;
    private boolean standardInputFree;

    /** How to ask the person at the terminal; null when there is none. */
    void prompter(UnaryOperator<String> value) {
        this.prompter = value;
    }

    /** Set for a one-shot command, whose standard input carries no commands. */
    void standardInputFree(boolean free) {
        this.standardInputFree = free;
    }

    /**
     * Whether a command may read standard input for data of its own (a secret, say): only a
     * one-shot command may; the shell and a script read from standard input own it.
     */
    public boolean standardInputFree() {
        return standardInputFree;
    }

    void enterScript() {
        scriptDepth++;
    }

    void leaveScript() {
        scriptDepth--;
    }

    /** Asks the shell (or the script being run) to stop after this command. */
    public void requestExit() {
        exitRequested = true;
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    public boolean isScript() {
        return scriptDepth > 0;
    }

    public boolean canPrompt() {
        return prompter != null && scriptDepth == 0;
    }

    /** Asks the person a question and returns the line typed, or empty if nobody can answer. */
    public Optional<String> ask(String question) {
        if (!canPrompt()) {
            return Optional.empty();
        }
        return Optional.ofNullable(prompter.apply(question));
    }
}
