package io.recshell.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.recshell.shell.RecshellException;

/**
 * A MOR API request as {@code api call} takes it: {@code recordings_delete?name=value&...},
 * optionally with MOR's path or a whole URL before the function name. Names and values are
 * URL-decoded; an unknown, repeated or value-less parameter is refused, so that a typo can
 * never drop a filter and widen a delete.
 *
 * @param parameters the parameters in the order given, decoded; an empty value is kept as ""
 */
public record ApiRequest(String function, Map<String, String> parameters) {

    public static final String RECORDINGS_DELETE = "recordings_delete";

    /** Every parameter recordings_delete takes: the user, the hash, and the hash parameters. */
    static final List<String> KNOWN = known();

    public static ApiRequest parse(String request) {
        if (request == null || request.isBlank()) {
            throw RecshellException.invalid("api call needs a request, e.g."
                    + " 'recordings_delete?u=admin&s_user_id=5&date_till=1577836799&hash=...'");
        }
        int question = request.indexOf('?');
        String path = question < 0 ? request : request.substring(0, question);
        String function = path.substring(path.lastIndexOf('/') + 1);
        if (!function.equals(RECORDINGS_DELETE)) {
            throw RecshellException.invalid("Unknown API function '" + function
                    + "': recshell answers only recordings_delete");
        }
        String query = question < 0 ? "" : request.substring(question + 1);
        return new ApiRequest(function, Collections.unmodifiableMap(parameters(query)));
    }

    /** A parameter's value, or null when it is missing or empty (an empty value filters nothing). */
    public String value(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                // not echoed: a bare word might be a secret pasted in the wrong place
                throw RecshellException.invalid("Every parameter of the request must be name=value, and one"
                        + " is not");
            }
            String name = decode(pair.substring(0, equals));
            if (!KNOWN.contains(name)) {
                throw RecshellException.invalid("Unknown parameter '" + name + "' for recordings_delete; known"
                        + " parameters: " + String.join(", ", KNOWN) + ". Nothing was run.");
            }
            if (parameters.putIfAbsent(name, decode(pair.substring(equals + 1))) != null) {
                throw RecshellException.invalid("Parameter '" + name + "' is given more than once");
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RecshellException.invalid("Malformed percent-encoding in the request: " + e.getMessage());
        }
    }

    private static List<String> known() {
        List<String> names = new ArrayList<>(List.of("u", "hash"));
        names.addAll(MorHash.PARAMETERS);
        return List.copyOf(names);
    }
}
