package io.paperpost;

import io.paperpost.storage.PackagedH2;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The database of a test that starts the packaged application ({@link PackagedApp}), one or several times: the
 * embedded H2 file with the packaged URL in a working directory of the test's own (the instances share it, one at a
 * time), or, in a build packaged for PostgreSQL ({@code -Dquarkus.datasource.db-kind=postgresql}), a fresh database on
 * the local server. Closing kills every instance and drops the PostgreSQL database.
 */
public final class PackagedDatabase implements AutoCloseable {

    /** The database kind the application was packaged for: "postgresql", or empty for the H2 default. */
    public static final String DB_KIND = System.getProperty("paperpost.it.db-kind", "");
    public static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    public final Path work;
    /** The PostgreSQL database's name, or null on H2. */
    public final String postgres;
    private final List<PackagedApp> instances = new ArrayList<>();

    /** A working directory under target/{folder}, and a PostgreSQL database named with the prefix when packaged so. */
    public PackagedDatabase(String folder, String postgresPrefix) throws SQLException {
        work = Path.of("target", folder, UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        postgres = "postgresql".equals(DB_KIND) ? createDatabase(postgresPrefix) : null;
    }

    /** Starts an instance on this database with the settings, in the shared working directory. */
    public PackagedApp start(String name, List<String> settings) throws Exception {
        List<String> all = new ArrayList<>(settings);
        if (postgres != null) {
            all.addAll(postgresSettings(postgres));
        }
        PackagedApp app = new PackagedApp(name, work, all);
        instances.add(app);
        return app.start();
    }

    /** For the test (on H2 only while no instance has the file open). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    public String url() {
        return postgres != null
                ? POSTGRES + postgres
                : "jdbc:h2:file:" + work.resolve("data/paperpost") + PackagedH2.options();
    }

    public String user() {
        return postgres != null ? "postgres" : "sa";
    }

    public String describe() {
        return postgres == null ? "H2 file under " + work : "PostgreSQL " + postgres;
    }

    @Override
    public void close() throws SQLException {
        instances.forEach(PackagedApp::close);
        dropDatabase(postgres);
    }

    /** A new database on the local PostgreSQL, named with the prefix and a random suffix. */
    public static String createDatabase(String prefix) throws SQLException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(POSTGRES + "test", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        }
        return name;
    }

    public static void dropDatabase(String name) throws SQLException {
        if (name == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(POSTGRES + "test", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** The packaged application's settings for the PostgreSQL database. */
    public static List<String> postgresSettings(String name) {
        return List.of("-Dquarkus.datasource.jdbc.url=" + POSTGRES + name, "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=");
    }
}
