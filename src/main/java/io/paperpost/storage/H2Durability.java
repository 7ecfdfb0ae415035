package io.paperpost.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps every commit on an H2 file database durable against a process kill, whatever URL the operator configured:
 * with H2's default write delay (500 ms) a kill -9 loses the commits of the last half second (H2DurabilityTest), among
 * them ledger claims of emails the server already took, which the next run sends again. The packaged URL has
 * {@code WRITE_DELAY=0}; an operator's own URL without it would lose that silently, since H2 does not re-apply the
 * persisted setting when a file is opened without it (checked on H2 2.4.240). So at start, before the digest worker
 * and the scheduler send anything, an H2 file database with a write delay gets {@code SET WRITE_DELAY 0}.
 * PostgreSQL's commits are durable as they are; in-memory H2 has nothing to lose.
 */
@ApplicationScoped
public class H2Durability {

    private static final Logger LOG = Logger.getLogger(H2Durability.class);

    @Inject
    AgroalDataSource dataSource;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            if (makeDurable(connection)) {
                LOG.warn("The H2 database ran with a write delay (a kill -9 would lose recent commits and could send"
                        + " emails twice): set WRITE_DELAY 0. Add ;WRITE_DELAY=0 to quarkus.datasource.jdbc.url.");
            }
        } catch (SQLException e) {
            // E.g. a database user without admin rights: running on is better than not sending at all, but say it.
            LOG.errorf("Could not make H2 commits durable (SET WRITE_DELAY 0: %s): a kill -9 may lose recent commits"
                    + " and send emails twice. Add ;WRITE_DELAY=0 to quarkus.datasource.jdbc.url.", e.getMessage());
        }
    }

    /** Sets WRITE_DELAY 0 on an H2 file database that has another one in effect; true when it had to. */
    static boolean makeDurable(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        if (!"H2".equals(meta.getDatabaseProductName()) || meta.getURL().startsWith("jdbc:h2:mem:")
                || writeDelays(connection).stream().allMatch("0"::equals)) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        }
        return true;
    }

    /**
     * H2's write delay rows: the persisted setting, then the one in effect (which differ after a file written with
     * one setting is opened without it).
     */
    static List<String> writeDelays(Connection connection) throws SQLException {
        List<String> delays = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            while (rows.next()) {
                delays.add(rows.getString(1));
            }
        }
        return delays;
    }
}
