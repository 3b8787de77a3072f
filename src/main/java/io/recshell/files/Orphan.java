package io.recshell.files;

import java.time.Instant;

/**
 * One line of the orphan report.
 *
 * @param kind {@code file_without_recording}, {@code recording_without_file} or
 *        {@code not_a_regular_file}
 * @param file the name in the recordings folder
 * @param recordingId the recording, for {@code recording_without_file}; null otherwise
 * @param size bytes on disk of a file, or the recording's {@code size} column
 * @param time the file's modification time, or the recording's time
 */
public record Orphan(String kind, String file, Long recordingId, long size, Instant time) {

    static final String FILE_WITHOUT_RECORDING = "file_without_recording";
    static final String RECORDING_WITHOUT_FILE = "recording_without_file";
    static final String NOT_A_REGULAR_FILE = "not_a_regular_file";
}
