package io.paperpost.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

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
     * For a benchmark's report: " WRITE_DELAY=n" as the H2 database behind the data source has it in effect (the
     * last of {@link H2Durability#writeDelays}), or "" for another database.
     */
    public static String writeDelay(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return "";
            }
            List<String> delays = H2Durability.writeDelays(connection);
            return " WRITE_DELAY=" + delays.get(delays.size() - 1);
        }
    }

    /**
     * A benchmark's H2 file database at the path, with the packaged options, or with {@code -Dbench.h2-options=...}
     * instead (to measure other settings, e.g. {@code -Dbench.h2-options=;DB_CLOSE_ON_EXIT=FALSE} for H2's defaults).
     */
    public static String benchmarkUrl(String path) {
        return "jdbc:h2:file:" + path + System.getProperty("bench.h2-options", options());
    }
}
