package io.recshell.audit;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Who runs recshell, from where: the OS user, the host, the SSH client where the session
 * came over SSH, and a session id shared by all commands of one shell session or script.
 */
public record Operator(String osUser, String host, String sshClient, String sessionId) {

    public static Operator current(Map<String, String> env) {
        String ssh = env.get("SSH_CLIENT");
        if (ssh == null || ssh.isBlank()) {
            ssh = env.get("SSH_CONNECTION");
        }
        return new Operator(System.getProperty("user.name"), hostName(env),
                ssh == null || ssh.isBlank() ? null : ssh, UUID.randomUUID().toString());
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
