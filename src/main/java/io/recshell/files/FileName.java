package io.recshell.files;

import java.nio.charset.StandardCharsets;

/**
 * The audio file name of a recording, {@code <uniqueid>.mp3}, checked before any file is
 * touched: the uniqueid comes from the database, and recshell acts only on a plain name
 * directly inside the recordings folder. A name with a path separator (so no {@code ../}
 * and no absolute path), a control character, or more bytes than a file name may have is
 * refused.
 */
final class FileName {

    static final String SUFFIX = ".mp3";

    /** Longest file name on Linux file systems, in bytes. */
    private static final int MAX_BYTES = 255;

    private FileName() {
    }

    /** The file name of a recording with this uniqueid; check {@link #refusal} first. */
    static String of(String uniqueid) {
        return uniqueid + SUFFIX;
    }

    /** Why a recording with this uniqueid has no file recshell may touch, or null if it has one. */
    static String refusal(String uniqueid) {
        if (uniqueid == null || uniqueid.isEmpty()) {
            return "it has no uniqueid";
        }
        for (int i = 0; i < uniqueid.length(); i++) {
            char c = uniqueid.charAt(i);
            if (c == '/' || c == '\\') {
                return "its uniqueid " + quoted(uniqueid) + " contains a path separator";
            }
            if (c < 0x20 || c == 0x7f) {
                return "its uniqueid " + quoted(uniqueid) + " contains a control character";
            }
        }
        if (of(uniqueid).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "its uniqueid is longer than a file name may be";
        }
        return null;
    }

    /** The uniqueid for messages: quoted, with control characters shown as escapes. */
    static String quoted(String uniqueid) {
        if (uniqueid == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder("'");
        uniqueid.codePoints().limit(120).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        if (uniqueid.codePointCount(0, uniqueid.length()) > 120) {
            b.append("...");
        }
        return b.append('\'').toString();
    }

    /** The uniqueid a file name stands for, or null if the name is not a recording's. */
    static String uniqueidOf(String fileName) {
        if (!fileName.endsWith(SUFFIX) || fileName.length() == SUFFIX.length()) {
            return null;
        }
        return fileName.substring(0, fileName.length() - SUFFIX.length());
    }
}
