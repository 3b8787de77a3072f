package io.recshell.shell;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

/**
 * Where commands write: results to standard output, errors and notices to standard
 * error, both UTF-8 and flushed line by line. Nothing else in recshell prints.
 */
@Component
public class ShellOutput {

    private final PrintWriter out = new PrintWriter(new OutputStreamWriter(
            new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
    private final PrintWriter err = new PrintWriter(new OutputStreamWriter(
            new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    private final boolean terminal = Terminals.stdoutIsTerminal();

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** True when standard output is a terminal (progress bars and widths may be used). */
    public boolean isTerminal() {
        return terminal;
    }

    public void println(String line) {
        out.println(line);
    }

    public void error(String message) {
        out.flush();
        err.println("error: " + message);
    }

    public void notice(String message) {
        out.flush();
        err.println(message);
    }
}
