package io.paperpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average, which every benchmark prints beside its figures: on these shared machines it says
 * whether a figure was measured alone.
 */
public final class LoadAverage {

    private LoadAverage() {
    }

    /** The 1-, 5- and 15-minute averages, e.g. {@code "2.37 3.10 4.02"}, or "n/a" off Linux. */
    public static String now() {
        String[] fields = fields();
        return fields == null ? "n/a" : fields[0] + " " + fields[1] + " " + fields[2];
    }

    /** The 1-minute average alone, or "n/a" off Linux. */
    public static String oneMinute() {
        String[] fields = fields();
        return fields == null ? "n/a" : fields[0];
    }

    private static String[] fields() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ");
        } catch (IOException e) {
            return null;
        }
    }
}
