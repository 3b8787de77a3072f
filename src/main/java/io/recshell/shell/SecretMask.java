package io.recshell.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command line as the audit log and the log file keep it, with secret-like values
 * masked. recshell takes no secret on the command line, but a person may still type one:
 * the value of an option whose name looks secret ({@code --secret x}, {@code --password=x};
 * not {@code --secret-file}, whose value is a path) and of a {@code name=value} parameter
 * whose name looks secret (in a MOR API request or an {@code api hash} word) is replaced by
 * {@value #MASK}. The {@code hash} of a MOR API request is not secret, but it authorises
 * that very request again at MOR, so only its first {@value #HASH_KEPT} characters are kept,
 * enough to tell requests apart.
 */
public final class SecretMask {

    public static final String MASK = "********";
    static final int HASH_KEPT = 8;

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|passw|pwd|token|key|hash).*");

    private SecretMask() {
    }

    /** Joins the words as {@link Tokenizer#join} does, with secret-like values masked. */
    public static String join(List<String> words) {
        List<String> masked = new ArrayList<>(words.size());
        boolean maskNext = false;
        for (String word : words) {
            if (maskNext && !word.startsWith("--")) {
                masked.add(MASK);
            } else if (word.startsWith("--")) {
                masked.add(maskOption(word));
                maskNext = !word.contains("=") && isSecretOption(word.substring(2));
                continue;
            } else {
                masked.add(maskParameters(word));
            }
            maskNext = false;
        }
        return Tokenizer.join(masked);
    }

    private static String maskOption(String word) {
        int equals = word.indexOf('=');
        if (equals < 0 || !isSecretOption(word.substring(2, equals))) {
            return word;
        }
        return word.substring(0, equals + 1) + MASK;
    }

    private static boolean isSecretOption(String name) {
        return SECRET_NAME.matcher(name).matches() && !name.endsWith("-file");
    }

    /** Masks the secret-like values of a word made of name=value pairs, after an optional "path?". */
    private static String maskParameters(String word) {
        if (word.indexOf('=') < 0) {
            return word;
        }
        int question = word.indexOf('?');
        StringBuilder b = new StringBuilder(word.substring(0, question + 1));
        String[] pairs = word.substring(question + 1).split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                b.append('&');
            }
            b.append(maskPair(pairs[i]));
        }
        return b.toString();
    }

    private static String maskPair(String pair) {
        int equals = pair.indexOf('=');
        if (equals < 0 || !SECRET_NAME.matcher(pair.substring(0, equals)).matches()) {
            return pair;
        }
        String name = pair.substring(0, equals);
        String value = pair.substring(equals + 1);
        if (name.equals("hash")) {
            return name + "=" + value.substring(0, Math.min(HASH_KEPT, value.length())) + MASK;
        }
        return name + "=" + MASK;
    }
}
