package io.recshell.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * recshell in a real terminal: a tmux server of its own (private socket) runs the packaged
 * jar in a pane of a given size; tests type keys into it and read the screen back.
 */
public final class Tmux implements AutoCloseable {


    private static final String EXITED = "recshell exited with code ";

    private final String socket = "recshell-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> env;

    private Tmux(Map<String, String> env) {
        this.env = env;
    }

    public static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts recshell (interactive: no arguments) in a {@code columns} x 50 terminal. */
    public static Tmux start(Map<String, String> env, Path home, int columns) {
        Tmux tmux = new Tmux(env);
        List<String> jvm = new ArrayList<>(Recshell.jvm());
        jvm.add(1, "-Duser.home=" + home);
        // The pane outlives recshell, so that its last words and exit code stay readable.
        String command = String.join(" ", jvm) + "; echo \"" + EXITED + "$?\"; sleep 600";
        tmux.tmux("new-session", "-d", "-s", "main", "-x", Integer.toString(columns), "-y", "50", "sh", "-c", command);
        return tmux;
    }

    /** Sends keys as tmux names them: literal text, or "Enter", "Tab", "C-u". */
    public Tmux send(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "main"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
        return this;
    }

    /** Sends text exactly as given (no key names), without Enter. */
    public Tmux type(String text) {
        tmux("send-keys", "-t", "main", "-l", "--", text);
        return this;
    }

    /** The visible screen, wrapped lines joined. */
    public String screen() {
        return tmux("capture-pane", "-p", "-J", "-t", "main");
    }

    /** Waits until the screen satisfies the condition (at most 60 s) and returns it. */
    public String waitFor(String description, Predicate<String> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (condition.test(screen)) {
                return screen;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("waited in vain for " + description + "; the screen shows:\n" + screen);
    }

    /** Waits until recshell has ended and returns its exit code. */
    public int exitCode() {
        String screen = waitFor("recshell to end", s -> s.contains(EXITED));
        String rest = screen.substring(screen.indexOf(EXITED) + EXITED.length());
        return Integer.parseInt(rest.substring(0, rest.indexOf('\n')).strip());
    }

    private String tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("SSH_") || k.equals("TMUX"));
            builder.environment().putAll(env);
            builder.environment().put("TERM", "xterm-256color");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run tmux", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            // the server is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
