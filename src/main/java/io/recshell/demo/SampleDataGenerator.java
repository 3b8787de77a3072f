package io.recshell.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic, realistic MOR-shaped sample data: an admin, a manager, an accountant,
 * resellers with their own users, simple users under the admin, devices per user, and
 * recordings spread over 2017-2026 with a daily rhythm (office hours), a weekly one (quiet
 * weekends), growth over the years, and durations from seconds to hours (log-normal, so
 * most calls are a few minutes). The same seed and size always give the same rows.
 *
 * <p>Fixed rows that docs and tests rely on: user 0 {@code admin}, 1 {@code manager},
 * 2 {@code accountant}, 3 and 4 resellers {@code reseller_north} and {@code reseller_south},
 * 5 {@code gilbertas} (a simple user under the admin), 6 {@code jonas} (a simple user of
 * reseller_north), and then generated users.
 */
public final class SampleDataGenerator {

    static final LocalDate FIRST_DAY = LocalDate.of(2017, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 30);
    /** 16 kbit/s mono MP3, as MOR records by default. */
    static final int BYTES_PER_SECOND = 2_000;

    private static final String[] FIRST = {"Ona", "Jonas", "Rasa", "Tomas", "Egle", "Marius", "Ieva", "Paulius",
        "Laura", "Darius", "Greta", "Andrius", "Ruta", "Mantas", "Aiste", "Lukas"};
    private static final String[] LAST = {"Kazlauskas", "Petraitis", "Jankauskas", "Stankevicius", "Vasiliauskas",
        "Zukauskas", "Butkus", "Paulauskas", "Urbonas", "Kavaliauskas"};

    private final long seed;
    private final int recordingCount;
    private final List<User> users = new ArrayList<>();
    private final List<Device> devices = new ArrayList<>();

    public SampleDataGenerator(long seed, int recordingCount) {
        this.seed = seed;
        this.recordingCount = recordingCount;
        createUsersAndDevices();
    }

    public record User(long id, String username, String usertype, long ownerId, String firstName, String lastName,
            double weight) {
    }

    public record Device(long id, long userId, String name, String extension) {
    }

    public List<User> users() {
        return users;
    }

    public List<Device> devices() {
        return devices;
    }

    /** How many simple users a data set of this size has. */
    static int generatedUsers(int recordings) {
        return Math.max(10, Math.min(5_000, recordings / 400));
    }

    private void createUsersAndDevices() {
        SplittableRandom random = new SplittableRandom(seed);
        users.add(new User(0, "admin", "admin", 0, "System", "Admin", 0.5));
        users.add(new User(1, "manager", "manager", 0, "Mia", "Manager", 0));
        users.add(new User(2, "accountant", "accountant", 0, "Adam", "Accountant", 0));
        users.add(new User(3, "reseller_north", "reseller", 0, "North", "Telecom", 0.5));
        users.add(new User(4, "reseller_south", "reseller", 0, "South", "Voice", 0.5));
        users.add(new User(5, "gilbertas", "user", 0, "Gilbertas", "Jonaitis", 3));
        users.add(new User(6, "jonas", "user", 3, "Jonas", "Petraitis", 2));
        int extra = generatedUsers(recordingCount);
        for (int i = 0; i < extra; i++) {
            long id = 7 + i;
            long owner = switch (random.nextInt(4)) {
                case 0 -> 3;
                case 1 -> 4;
                default -> 0;
            };
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            // a few busy call centres, many quiet offices
            double weight = Math.exp(random.nextGaussian() * 1.2);
            users.add(new User(id, (first + "." + last).toLowerCase() + id, "user", owner, first, last, weight));
        }
        long deviceId = 1;
        for (User user : users) {
            if (user.weight() == 0) {
                continue;
            }
            int count = user.usertype().equals("user") ? 1 + random.nextInt(3) : 1;
            for (int d = 0; d < count; d++) {
                String extension = Long.toString(1000 + deviceId);
                devices.add(new Device(deviceId, user.id(), user.username() + "-" + (d + 1), extension));
                deviceId++;
            }
        }
    }

    /**
     * Writes the recordings as PostgreSQL COPY text rows for the columns
     * {@link #RECORDING_COLUMNS}, in id order, which is also time order.
     */
    public void writeRecordings(Writer out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long[] times = recordingTimes(random);
        double[] cumulative = cumulativeUserWeights();
        List<List<Device>> devicesByUser = devicesByUser();
        StringBuilder row = new StringBuilder(256);
        for (int i = 0; i < times.length; i++) {
            long id = i + 1L;
            User user = users.get(pick(cumulative, random.nextDouble()));
            List<Device> own = devicesByUser.get((int) user.id());
            Device source = own.get(random.nextInt(own.size()));
            long dstUser;
            long dstDevice;
            String dst;
            if (random.nextInt(10) < 3) {
                Device target = devices.get(random.nextInt(devices.size()));
                dstUser = target.userId();
                dstDevice = target.id();
                dst = target.extension();
            } else {
                dstUser = random.nextInt(5) == 0 ? -1 : 0;
                dstDevice = 0;
                dst = "370" + (600_00000 + random.nextInt(99_99999));
            }
            long seconds = durationSeconds(random);
            long size = seconds * BYTES_PER_SECOND + 417;
            String uniqueid = times[i] + "." + (random.nextInt(100_000));
            int local = random.nextInt(10) == 0 ? 0 : 1;
            row.setLength(0);
            row.append(id).append('\t')
                    .append(LocalDateTime.ofEpochSecond(times[i], 0, ZoneOffset.UTC)).append('\t')
                    .append(source.extension()).append('\t')
                    .append(dst).append('\t')
                    .append(source.id()).append('\t')
                    .append(dstDevice).append('\t')
                    .append(id + 1_000_000).append('\t')
                    .append(user.id()).append('\t')
                    .append(dstUser).append('\t')
                    .append(uniqueid).append(".mp3").append('\t')
                    .append(size).append('\t')
                    .append(uniqueid).append('\t')
                    .append(local).append('\n');
            out.write(row.toString());
        }
    }

    public static final String RECORDING_COLUMNS =
            "id, datetime, src, dst, src_device_id, dst_device_id, call_id, user_id, dst_user_id, path, size,"
            + " uniqueid, local";

    private List<List<Device>> devicesByUser() {
        List<List<Device>> byUser = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            byUser.add(new ArrayList<>());
        }
        for (Device device : devices) {
            byUser.get((int) device.userId()).add(device);
        }
        return byUser;
    }

    private double[] cumulativeUserWeights() {
        double[] cumulative = new double[users.size()];
        double sum = 0;
        for (int i = 0; i < users.size(); i++) {
            sum += users.get(i).weight();
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    /** The first index whose cumulative weight exceeds u (zero-weight entries are never picked). */
    private static int pick(double[] cumulative, double u) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > u) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** Call start times, sorted: weighted by year growth, weekday and hour of day. */
    private long[] recordingTimes(SplittableRandom random) {
        int days = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
        double[] dayWeights = new double[days];
        double sum = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            double growth = 1 + (double) d / days * 2;
            double weekday = switch (day.getDayOfWeek()) {
                case SATURDAY -> 0.35;
                case SUNDAY -> 0.2;
                default -> 1.0;
            };
            sum += growth * weekday;
            dayWeights[d] = sum;
        }
        for (int d = 0; d < days; d++) {
            dayWeights[d] /= sum;
        }
        double[] hourWeights = cumulativeHours();
        long[] times = new long[recordingCount];
        for (int i = 0; i < recordingCount; i++) {
            int day = pick(dayWeights, random.nextDouble());
            int hour = pick(hourWeights, random.nextDouble());
            long epochDay = FIRST_DAY.toEpochDay() + day;
            times[i] = epochDay * 86_400 + hour * 3_600L + random.nextInt(3_600);
        }
        Arrays.sort(times);
        return times;
    }

    private static double[] cumulativeHours() {
        double[] weights = {0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 6, 6.5, 6, 4.5, 5.5, 6, 5.5, 4.5, 3, 1.5, 1,
            0.8, 0.6, 0.4, 0.3};
        double[] cumulative = new double[24];
        double sum = 0;
        for (int h = 0; h < 24; h++) {
            sum += weights[h];
            cumulative[h] = sum;
        }
        for (int h = 0; h < 24; h++) {
            cumulative[h] /= sum;
        }
        return cumulative;
    }

    /** Log-normal around 90 s, from 1 s to 4 h. */
    private static long durationSeconds(SplittableRandom random) {
        double seconds = Math.exp(Math.log(90) + random.nextGaussian() * 1.3);
        return Math.max(1, Math.min(14_400, Math.round(seconds)));
    }
}
