package io.recshell.api;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import io.recshell.shell.RecshellException;
import io.recshell.shell.Session;
import io.recshell.shell.Terminals;

/**
 * Reads MOR's API secret key: the first line of a file (without its line end), or of
 * standard input with {@code --secret-file -}. Never from the command line, and the secret
 * is never printed, logged or written into the audit log.
 */
@Component
public class ApiSecret {

    private final Session session;

    public ApiSecret(Session session) {
        this.session = session;
    }

    public String read(String secretFile) {
        if (secretFile == null) {
            throw RecshellException.invalid("Give the API secret key with --secret-file FILE (its first line),"
                    + " or --secret-file - to read it from standard input; it is never accepted on the"
                    + " command line");
        }
        String secret = secretFile.equals("-") ? fromStandardInput() : fromFile(secretFile);
        if (secret == null || secret.isEmpty()) {
            throw RecshellException.invalid("The API secret key in " + describe(secretFile)
                    + " is empty: its first line must hold the key");
        }
        return secret;
    }

    private static String fromFile(String name) {
        try (BufferedReader reader = Files.newBufferedReader(Path.of(name), StandardCharsets.UTF_8)) {
            return reader.readLine();
        } catch (NoSuchFileException e) {
            throw RecshellException.invalid("Cannot read the API secret file '" + name + "': no such file");
        } catch (AccessDeniedException e) {
            throw RecshellException.invalid("Cannot read the API secret file '" + name + "': permission denied");
        } catch (IOException e) {
            throw RecshellException.invalid("Cannot read the API secret file '" + name + "': " + e.getMessage());
        }
    }

    private String fromStandardInput() {
        if (!session.standardInputFree()) {
            throw RecshellException.invalid("--secret-file - reads standard input, which only a one-shot command"
                    + " (recshell api ...) leaves free; in the shell or a script give a file");
        }
        Console console = System.console();
        if (Terminals.stdinIsTerminal() && console != null) {
            char[] typed = console.readPassword("API secret key: ");
            return typed == null ? null : new String(typed);
        }
        try {
            // Not closed: closing would close the process's standard input.
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw RecshellException.invalid("Cannot read the API secret key from standard input: "
                    + e.getMessage());
        }
    }

    private static String describe(String secretFile) {
        return secretFile.equals("-") ? "standard input" : "'" + secretFile + "'";
    }
}
