package io.recshell.files;

/**
 * One recording as the file passes see it.
 *
 * @param local whether its file is on this host ({@code local} = 1)
 * @param needed whether some recording in {@code recordings} (other than those being
 *        deleted) is local and has this uniqueid, so that its file must stay in, or come
 *        back to, the recordings folder
 */
record FileRow(long recordingId, String uniqueid, boolean local, boolean needed) {

    /** Whether this row shares its file with {@code other} (same name on the same server). */
    boolean sameFileAs(FileRow other) {
        return local == other.local && java.util.Objects.equals(uniqueid, other.uniqueid);
    }
}
