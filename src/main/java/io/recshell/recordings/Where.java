package io.recshell.recordings;

import java.util.ArrayList;
import java.util.List;

import io.recshell.access.Reach;

/**
 * The WHERE clause of a filter over {@code recordings r}: constant SQL text with
 * positional parameters, never values pasted into the text.
 */
public record Where(String sql, List<Object> params) {

    public static Where of(RecordingFilter filter) {
        return of(filter, null);
    }

    /**
     * The filter's conditions, always with the reach of the user it acts as (when that is
     * limited), so that no query built from a filter can see past the acting user's reach.
     *
     * @param extra a further condition that every matching recording must meet, or null
     */
    public static Where of(RecordingFilter filter, Where extra) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.recordingId() != null) {
            conditions.add("r.id = ?");
            params.add(filter.recordingId());
        }
        if (filter.userId() != null) {
            conditions.add("r.user_id = ?");
            params.add(filter.userId());
        }
        if (filter.deviceId() != null) {
            conditions.add("(r.src_device_id = ? or r.dst_device_id = ?)");
            params.add(filter.deviceId());
            params.add(filter.deviceId());
        }
        if (filter.dateFrom() != null) {
            conditions.add("r.datetime >= ?");
            params.add(filter.fromInclusive());
        }
        if (filter.dateTill() != null) {
            conditions.add("r.datetime < ?");
            params.add(filter.tillExclusive());
        }
        Reach reach = filter.access().reach();
        if (reach != null) {
            conditions.add("(" + reach.sql() + ")");
            params.addAll(reach.params());
        }
        if (extra != null) {
            conditions.add("(" + extra.sql() + ")");
            params.addAll(extra.params());
        }
        String sql = conditions.isEmpty() ? "true" : String.join(" and ", conditions);
        return new Where(sql, List.copyOf(params));
    }

    /** The parameters followed by more, for statements with parameters after the WHERE. */
    public Object[] paramsWith(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
