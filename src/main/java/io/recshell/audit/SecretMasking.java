package io.recshell.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in what recshell records about a command (the audit log's {@code command},
 * {@code message} and {@code filters}, and the log file), so that a password or an API
 * secret typed by mistake is never stored. A value is replaced by {@value #MASK} when its
 * name says it is secret:
 * <ul>
 * <li>{@code name=value} anywhere, also inside URLs and query strings
 * ({@code jdbc:postgresql://h/db?user=a&password=***}, {@code recordings_delete?u=admin&hash=***});</li>
 * <li>{@code --name value} and {@code --name=value} options (in text, a quoted value counts as one);</li>
 * <li>the password of a URL's user information ({@code postgresql://user:***@host}).</li>
 * </ul>
 * Secret names are those containing password, passwd, passphrase, secret, token, apikey,
 * api_key or credential, and pwd, pass, key, hash (MOR's API signature), auth, signature.
 * Names ending in "file" or "path" name where a secret is kept, not the secret, and are
 * left alone: {@code --secret-file /etc/recshell/api.secret} is recorded as typed.
 *
 * <pre>
 * SecretMasking.maskText("recordings_delete?u=admin&amp;s_user_id=5&amp;hash=3da2...")
 *     // "recordings_delete?u=admin&amp;s_user_id=5&amp;hash=***"
 * </pre>
 */
public final class SecretMasking {

    public static final String MASK = "***";

    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(password|passwd|passphrase|secret|token|apikey|api_key|api-key|credential).*"
                    + "|pwd|pass|key|hash|auth|authorization|signature");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]+)=");
    private static final Pattern USER_INFO = Pattern.compile("(://[^/:@\\s\"']*):([^@/\\s\"']+)@");
    private static final Pattern OPTION_VALUE = Pattern.compile(
            "(?<![A-Za-z0-9_.-])(--?[A-Za-z][A-Za-z0-9_.-]*)([ \\t]+)('[^']*'|\"[^\"]*\"|[^\\s'\"-][^\\s'\"]*)");
    private static final String TEXT_VALUE_ENDS = "&; \t\r\n\"'";
    private static final String WORD_VALUE_ENDS = "&;";

    private SecretMasking() {
    }

    /** Whether a parameter or option of this name holds a secret ("--db-password", "hash", ...). */
    public static boolean isSecretName(String name) {
        String bare = name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
        if (bare.endsWith("file") || bare.endsWith("path")) {
            return false;
        }
        return SECRET_NAME.matcher(bare).matches();
    }

    /** Masks the words of a command line: the value after a secret option too. */
    public static List<String> maskWords(List<String> words) {
        List<String> masked = new ArrayList<>(words.size());
        boolean maskNext = false;
        for (String word : words) {
            if (maskNext) {
                masked.add(MASK);
                maskNext = false;
                continue;
            }
            if (word.startsWith("-") && !word.contains("=") && isSecretName(word)) {
                maskNext = true;
            }
            masked.add(mask(word, WORD_VALUE_ENDS));
        }
        return masked;
    }

    /** Masks secrets in free text: a command line as one string, a message, JSON. */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        Matcher option = OPTION_VALUE.matcher(mask(text, TEXT_VALUE_ENDS));
        return option.replaceAll(match -> Matcher.quoteReplacement(isSecretName(match.group(1))
                ? match.group(1) + match.group(2) + MASK : match.group()));
    }

    private static String mask(String text, String valueEnds) {
        String withoutUserInfo = USER_INFO.matcher(text).replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@");
        StringBuilder out = new StringBuilder(withoutUserInfo.length());
        Matcher assignment = ASSIGNMENT.matcher(withoutUserInfo);
        int copied = 0;
        int from = 0;
        while (from < withoutUserInfo.length() && assignment.find(from)) {
            from = assignment.end();
            if (!isSecretName(assignment.group(1))) {
                continue;
            }
            int valueEnd = from;
            while (valueEnd < withoutUserInfo.length() && valueEnds.indexOf(withoutUserInfo.charAt(valueEnd)) < 0) {
                valueEnd++;
            }
            if (valueEnd > from) {
                out.append(withoutUserInfo, copied, from).append(MASK);
                copied = valueEnd;
            }
            from = valueEnd;
        }
        return out.append(withoutUserInfo, copied, withoutUserInfo.length()).toString();
    }
}
