package io.recshell.files;

import java.util.Comparator;

/**
 * An entry of the recordings folder named like a recording's file, with the uniqueid its
 * name stands for.
 */
record NamedEntry(String uniqueid, Entry entry) {

    /**
     * The order of uniqueids in both streams of the orphan report: by Unicode code point,
     * which is the byte order of UTF-8 and so PostgreSQL's {@code collate "C"}.
     */
    static final Comparator<String> ORDER = NamedEntry::compareCodePoints;

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
