package io.paperpost.papers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * On start, fills what the importer maintains for papers written another way (before migration V20, or
 * persisted through JPA by other code): the title key.
 * Usually finds nothing.
 */
@ApplicationScoped
public class PaperIndexBackfill {

    private static final Logger LOG = Logger.getLogger(PaperIndexBackfill.class);
    private static final int BATCH = 500;

    @Inject
    AgroalDataSource dataSource;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        int done = run();
        if (done > 0) {
            LOG.infof("Indexed title keys of %d papers written outside the importer", done);
        }
    }

    /** Backfills every paper that needs it; returns how many. */
    public int run() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::batch);
            total += done;
        } while (done == BATCH && total < 10_000_000);
        return total;
    }

    private int batch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Paper> papers = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, title from paper where title_key is null")) {
                select.setMaxRows(BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Paper p = new Paper();
                        p.id = rows.getString(1);
                        p.title = rows.getString(2);
                        papers.add(p);
                    }
                }
            }
            if (!papers.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement(
                        "update paper set title_key = ? where id = ?")) {
                    for (Paper p : papers) {
                        update.setString(1, PaperKeys.fromTitle(p.title));
                        update.setString(2, p.id);
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            return papers.size();
        }
    }
}
