package io.recshell.recordings;

import java.time.LocalDateTime;

/** The columns of a platform recording that recshell shows. {@code datetime} is UTC. */
public record RecordingRow(long id, LocalDateTime datetime, long userId, long dstUserId, long srcDeviceId,
        long dstDeviceId, String src, String dst, long size, String path, String uniqueid, int local) {
}
