package io.recshell.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged jar as a process, the way a DBA or a cron job does: with arguments,
 * a script file, or standard input, and no terminal. Returns exit code and both streams.
 */
public final class Recshell {

    private static final Path JAR = Path.of(System.getProperty("recshell.jar", "target/recshell.jar"));
    private static final Path LOG = Path.of("target", "it-logs", "recshell.log");

    private static List<String> jvm;

    private final Map<String, String> env = new HashMap<>();
    private String stdin;

    private Recshell(Map<String, String> env) {
        this.env.putAll(env);
    }

    /** A runner with the environment of the given database. */
    public static Recshell on(TestDatabase db) {
        return new Recshell(db.env());
    }

    public static Recshell withEnv(Map<String, String> env) {
        return new Recshell(env);
    }

    public Recshell env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Text fed to standard input (a pipe, never a terminal). */
    public Recshell stdin(String text) {
        this.stdin = text;
        return this;
    }

    public Result run(String... args) {
        return start(args).await();
    }

    /** Starts recshell and returns at once, for tests that act while it runs (or kill it). */
    public Running start(String... args) {
        List<String> command = new ArrayList<>(jvm());
        command.addAll(List.of(args));
        try {
            Files.createDirectories(LOG.getParent());
            Path out = Files.createTempFile("recshell-out", ".txt");
            Path err = Files.createTempFile("recshell-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("SSH_"));
            builder.environment().put("RECSHELL_LOG", LOG.toAbsolutePath().toString());
            builder.environment().putAll(env);
            if (stdin != null) {
                Path in = Files.createTempFile("recshell-in", ".txt");
                Files.writeString(in, stdin);
                builder.redirectInput(in.toFile());
            } else {
                builder.redirectInput(new File("/dev/null"));
            }
            return new Running(builder.start(), command, out, err);
        } catch (IOException e) {
            throw new AssertionError("could not run recshell", e);
        }
    }

    /** A recshell process that was started and may still be running. */
    public static final class Running {

        private final Process process;
        private final List<String> command;
        private final Path out;
        private final Path err;

        private Running(Process process, List<String> command, Path out, Path err) {
            this.process = process;
            this.command = command;
            this.out = out;
            this.err = err;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** kill -9: the process ends at once, without running anything of its own. */
        public Result kill9() {
            process.destroyForcibly();
            return await();
        }

        /** Waits for the process (at most 180 s) and returns what it printed. */
        public Result await() {
            try {
                if (!process.waitFor(180, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("recshell did not finish within 180 s: " + command);
                }
                Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
                return result;
            } catch (IOException e) {
                throw new AssertionError("could not read recshell's output", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /**
     * The command line that starts the packaged recshell, as the launcher does: from the
     * extracted layout with a class-data sharing archive made once per test run (a training
     * run that fails fast against a closed port), which makes each start about twice as
     * quick. Without the extracted layout, plainly {@code java -jar recshell.jar}.
     */
    public static synchronized List<String> jvm() {
        if (jvm != null) {
            return jvm;
        }
        List<String> base = List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        Path app = JAR.toAbsolutePath().resolveSibling("recshell-app").resolve("recshell.jar");
        if (!Files.isReadable(app)) {
            jvm = concat(base, List.of("-jar", JAR.toAbsolutePath().toString()));
            return jvm;
        }
        Path archive = JAR.toAbsolutePath().resolveSibling("it-cds").resolve("recshell.jsa");
        try {
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(archive);
            ProcessBuilder training = new ProcessBuilder(concat(base, List.of("-XX:ArchiveClassesAtExit=" + archive,
                    "-jar", app.toString(), "recordings", "find", "--limit", "1")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(new File("/dev/null"));
            training.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", "1", "PGDATABASE", "none",
                    "RECSHELL_LOG", LOG.toAbsolutePath().toString()));
            Process process = training.start();
            process.waitFor(120, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new AssertionError("cannot train the class-data sharing archive", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> sharing = Files.isReadable(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                : List.of();
        jvm = concat(base, sharing, List.of("-jar", app.toString()));
        return jvm;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** What a run printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {

        public String all() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
        }
    }
}
