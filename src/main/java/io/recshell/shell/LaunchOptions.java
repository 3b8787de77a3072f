package io.recshell.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.recshell.audit.SecretMasking;

/**
 * What the process was started with: the global options that come before the command
 * (connection overrides, a script file, Spring properties) and the command words, if any.
 *
 * <pre>
 * recshell [--db-url URL] [--db-user USER] [--db-password-file FILE] [--echo] [--file SCRIPT | COMMAND ...]
 * </pre>
 *
 * <p>{@code --echo} prints each command of a script before running it, as psql's -e does.
 */
public record LaunchOptions(String dbUrl, String dbUser, Path dbPasswordFile, Path scriptFile, boolean echo,
        List<String> commandWords, List<String> springArguments) {

    /** Where a password may come from; said whenever one is refused on the command line. */
    static final String PASSWORD_SOURCES = "give it in PGPASSWORD, in ~/.pgpass (or the file named by PGPASSFILE)"
            + " or in a file named by --db-password-file FILE";

    /** A password in a JDBC URL: a password= parameter, or user:password@ before the host. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;][a-z]*password=)|(//[^/@]*:[^/@]*@)");

    public static LaunchOptions parse(String[] args) {
        String dbUrl = null;
        String dbUser = null;
        Path passwordFile = null;
        Path script = null;
        boolean echo = false;
        List<String> spring = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        while (i < args.length && isGlobalOption(args[i])) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!seen.add(name)) {
                throw RecshellException.invalid("Option " + name + " is given more than once");
            }
            if (arg.startsWith("--spring.") || arg.startsWith("--logging.")) {
                refusePassword(name, arg.contains("=") ? value(args, i, arg) : "");
                spring.add(arg);
                i++;
                continue;
            }
            if (arg.equals("--echo")) {
                echo = true;
                i++;
                continue;
            }
            switch (name) {
                case "--db-url" -> dbUrl = refusePassword(name, value(args, i, arg));
                case "--db-user" -> dbUser = value(args, i, arg);
                case "--db-password-file" -> passwordFile = Path.of(value(args, i, arg));
                case "--file" -> script = Path.of(value(args, i, arg));
                case "--db-password", "--password" -> throw passwordRefused(name);
                default -> throw RecshellException.invalid("Unknown global option '" + SecretMasking.maskText(arg)
                        + "'. Usage: recshell [--db-url URL] [--db-user USER] [--db-password-file FILE]"
                        + " [--echo] [--file SCRIPT | COMMAND ...]");
            }
            i += arg.contains("=") ? 1 : 2;
        }
        List<String> words = new ArrayList<>(List.of(args).subList(i, args.length));
        if (!words.isEmpty() && (words.get(0).equals("--help") || words.get(0).equals("--version"))) {
            words.set(0, words.get(0).substring(2));
        }
        if (script != null && !words.isEmpty()) {
            throw RecshellException.invalid("Give either --file SCRIPT or a command, not both");
        }
        return new LaunchOptions(dbUrl, dbUser, passwordFile, script, echo, List.copyOf(words),
                List.copyOf(spring));
    }

    /**
     * Refuses an option that carries a password: a Spring property whose name says password,
     * or a URL (--db-url, --spring.datasource.url) with a password in it. Returns the value.
     */
    private static String refusePassword(String name, String value) {
        if (name.startsWith("--spring.") && name.toLowerCase(Locale.ROOT).contains("password")) {
            throw passwordRefused(name);
        }
        if (URL_PASSWORD.matcher(value).find()) {
            throw passwordRefused(name + " with a password in the URL");
        }
        return value;
    }

    /** The message names the option, never its value. */
    private static RecshellException passwordRefused(String what) {
        return RecshellException.invalid("A password is never accepted on the command line (" + what + "); "
                + PASSWORD_SOURCES);
    }

    private static boolean isGlobalOption(String arg) {
        return arg.startsWith("--") && !arg.equals("--help") && !arg.equals("--version");
    }

    private static String value(String[] args, int i, String arg) {
        if (arg.contains("=")) {
            return arg.substring(arg.indexOf('=') + 1);
        }
        if (i + 1 >= args.length) {
            throw RecshellException.invalid("Option " + arg + " needs a value");
        }
        return args[i + 1];
    }
}
