package io.recshell.files;

import java.util.List;

/**
 * One file and the recordings that point at it (recordings may share a uniqueid), in the
 * order the spool gives them: by uniqueid, then server, then recording id.
 */
record FileGroup(String uniqueid, boolean local, boolean needed, List<Long> recordingIds) {

    /** Why this file is not to be touched, or null if its name is safe. */
    String refusal() {
        return FileName.refusal(uniqueid);
    }

    String name() {
        return FileName.of(uniqueid);
    }

    long firstRecordingId() {
        return recordingIds.get(0);
    }

    /** "recording 12" or "recordings 12, 13" for messages. */
    String recordings() {
        if (recordingIds.size() == 1) {
            return "recording " + recordingIds.get(0);
        }
        List<Long> shown = recordingIds.subList(0, Math.min(5, recordingIds.size()));
        String more = recordingIds.size() > shown.size() ? " and " + (recordingIds.size() - shown.size()) + " more"
                : "";
        return "recordings " + String.join(", ", shown.stream().map(String::valueOf).toList()) + more;
    }
}
