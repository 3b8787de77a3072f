package io.recshell.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * MOR's API hash for {@code recordings_delete}: the lowercase hex SHA-1 of the values of
 * the hash parameters, in MOR's order, concatenated, followed by the API secret key. A
 * parameter that is not given adds nothing. For secret {@code secret}, s_user_id 5 and
 * date_till 1577836799 it is SHA-1("51577836799secret") =
 * 3da29256e422ae9c4ff53a38b262e0fb9461077e.
 */
public final class MorHash {

    /** The parameters the hash covers, in the order MOR concatenates their values. */
    public static final List<String> PARAMETERS = List.of("recording_id", "s_user_id", "s_device_id", "date_from",
            "date_till");

    private MorHash() {
    }

    /** The hash over the given parameter values (by name; names outside the hash are ignored). */
    public static String of(Map<String, String> values, String secret) {
        StringBuilder text = new StringBuilder();
        for (String name : PARAMETERS) {
            String value = values.get(name);
            if (value != null) {
                text.append(value);
            }
        }
        text.append(secret);
        return DigestUtils.sha1Hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the hash a caller gave is the right one (hex in either case; constant time). */
    public static boolean matches(String given, Map<String, String> values, String secret) {
        if (given == null) {
            return false;
        }
        byte[] expected = of(values, secret).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
