package io.recshell.shell;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.springframework.stereotype.Component;

import io.recshell.format.WidthAware;

/**
 * Where commands write: results to standard output, errors and notices to standard
 * error, both UTF-8 and flushed line by line. Nothing else in recshell prints.
 */
@Component
public class ShellOutput {

    private final DisplayWriter out = new DisplayWriter(new FileOutputStream(FileDescriptor.out));
    private final PrintWriter err = new PrintWriter(new OutputStreamWriter(
            new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    private final boolean terminal = Terminals.stdoutIsTerminal();
    private volatile IntSupplier width;
    private volatile boolean stopped;

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

    /** Ctrl-C: the next write to standard output ends the running command as aborted. */
    void stop() {
        stopped = true;
    }

    void resume() {
        stopped = false;
    }

    /** The interactive shell tells how wide its terminal is (it may change while it runs). */
    void widthFrom(IntSupplier terminalWidth) {
        this.width = terminalWidth;
    }

    /** Columns of the terminal that standard output is, or 0 when it is not one. */
    public int width() {
        if (!terminal) {
            return 0;
        }
        if (width == null) {
            int measured = measuredWidth();
            width = () -> measured;
        }
        return width.getAsInt();
    }

    /** COLUMNS if the shell exported it, else what the terminal itself says (stty). */
    private static int measuredWidth() {
        try {
            String columns = System.getenv("COLUMNS");
            if (columns != null && columns.matches("[0-9]{1,4}")) {
                return Integer.parseInt(columns);
            }
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (stty.waitFor(2, TimeUnit.SECONDS) && answer.matches("[0-9]+ [0-9]+")) {
                return Integer.parseInt(answer.substring(answer.indexOf(' ') + 1));
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
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

    /** Standard output, which tables ask for the width of the terminal behind it. */
    private final class DisplayWriter extends PrintWriter implements WidthAware {

        DisplayWriter(OutputStream stream) {
            super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
        }

        @Override
        public int width() {
            return ShellOutput.this.width();
        }

        @Override
        public void write(int c) {
            checkStopped();
            super.write(c);
        }

        @Override
        public void write(char[] buf, int off, int len) {
            checkStopped();
            super.write(buf, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            checkStopped();
            super.write(s, off, len);
        }

        private void checkStopped() {
            if (stopped) {
                stopped = false;
                throw RecshellException.aborted("Interrupted (Ctrl-C)");
            }
        }
    }
}
