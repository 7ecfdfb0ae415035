package io.paperpost.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The H2 URL options the application is packaged with (what follows the path of
 * {@code quarkus.datasource.jdbc.url} in application.properties, e.g. {@code ;WRITE_DELAY=0}), for tests and
 * benchmarks that open H2 files of their own: they measure and test the settings that ship.
 */
public final class PackagedH2 {

    private PackagedH2() {
    }

    /** The packaged URL's options, starting with ';' (empty when it has none). */
    public static String options() {
        Properties properties = new Properties();
        try (InputStream in = PackagedH2.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = properties.getProperty("quarkus.datasource.jdbc.url");
        if (url == null || !url.startsWith("jdbc:h2:file:")) {
            throw new IllegalStateException("application.properties has no H2 file URL: " + url);
        }
        return url.indexOf(';') < 0 ? "" : url.substring(url.indexOf(';'));
    }

    /**
     * A benchmark's H2 file database at the path, with the packaged options, or with {@code -Dbench.h2-options=...}
     * instead (to measure other settings, e.g. {@code -Dbench.h2-options=;DB_CLOSE_ON_EXIT=FALSE} for H2's defaults).
     */
    public static String benchmarkUrl(String path) {
        return "jdbc:h2:file:" + path + System.getProperty("bench.h2-options", options());
    }
}
