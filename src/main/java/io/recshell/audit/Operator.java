package io.recshell.audit;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.recshell.shell.RecshellException;

/**
 * Who runs recshell, from where: the OS user (of the process, not {@code $USER}), the host,
 * the SSH client where the session came over SSH ({@code SSH_CLIENT}, else
 * {@code SSH_CONNECTION}), and a session id shared by all commands of one process: the
 * interactive shell, a script file or standard input. A runbook that starts recshell several
 * times can tie its commands together by exporting {@code RECSHELL_SESSION_ID} (up to 64
 * letters, digits and {@code . _ : -}); otherwise each process draws a random UUID.
 *
 * <p>All of this comes from the client machine and can be forged by whoever controls it;
 * the database user and the time of an entry come from the database server.
 */
public record Operator(String osUser, String host, String sshClient, String sessionId) {

    /** The environment variable that sets the session id. */
    public static final String SESSION_ID_VARIABLE = "RECSHELL_SESSION_ID";

    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public static Operator current(Map<String, String> env) {
        String ssh = env.get("SSH_CLIENT");
        if (ssh == null || ssh.isBlank()) {
            ssh = env.get("SSH_CONNECTION");
        }
        return new Operator(System.getProperty("user.name"), hostName(env),
                ssh == null || ssh.isBlank() ? null : ssh, sessionId(env));
    }

    static String sessionId(Map<String, String> env) {
        String given = env.get(SESSION_ID_VARIABLE);
        if (given == null || given.isEmpty()) {
            return UUID.randomUUID().toString();
        }
        if (!SESSION_ID.matcher(given).matches()) {
            throw RecshellException.invalid("Invalid " + SESSION_ID_VARIABLE + " '" + given
                    + "': use up to 64 letters, digits and . _ : - (for example the output of uuidgen)");
        }
        return given;
    }

    private static String hostName(Map<String, String> env) {
        try {
            Path etcHostname = Path.of("/etc/hostname");
            if (Files.isReadable(etcHostname)) {
                String name = Files.readString(etcHostname).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException ignored) {
            // fall through to the other sources
        }
        String fromEnv = env.get("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
