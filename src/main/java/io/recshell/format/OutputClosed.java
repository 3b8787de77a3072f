package io.recshell.format;

import io.recshell.shell.ExitCode;
import io.recshell.shell.RecshellException;

/** Standard output can no longer be written to: a reader closed the pipe, or the disk is full. */
public final class OutputClosed {

    public static final String MESSAGE = "cannot write to standard output (closed or full)";

    private OutputClosed() {
    }

    public static RecshellException after(long rows) {
        return new RecshellException(ExitCode.FAILURE, MESSAGE + "; stopped after " + rows
                + (rows == 1 ? " row" : " rows"));
    }

    public static RecshellException now() {
        return new RecshellException(ExitCode.FAILURE, MESSAGE);
    }
}
