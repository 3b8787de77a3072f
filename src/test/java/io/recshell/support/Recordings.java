package io.recshell.support;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Hand-made platform rows for tests that need exact times, owners and devices. */
public final class Recordings {

    private Recordings() {
    }

    /** Inserts one recording owned by {@code userId}, made at {@code epochSecond} UTC. */
    public static void insert(TestDatabase db, long id, long userId, long srcDeviceId, long dstDeviceId,
            long epochSecond, long size) {
        db.jdbc().update("""
                insert into recordings (id, datetime, src, dst, src_device_id, dst_device_id, user_id, dst_user_id,
                                        size, uniqueid, path)
                values (?, ?, '1001', '37060000000', ?, ?, ?, 0, ?, ?, ?)""",
                id, LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC), srcDeviceId, dstDeviceId, userId,
                size, epochSecond + "." + id, epochSecond + "." + id + ".mp3");
    }

    /** The id of some device that belongs to the user. */
    public static long deviceOf(TestDatabase db, long userId) {
        return db.jdbc().queryForObject("select min(id) from devices where user_id = ?", Long.class, userId);
    }

    public static boolean exists(TestDatabase db, long id) {
        return db.count("select count(*) from recordings where id = ?", id) == 1;
    }
}
