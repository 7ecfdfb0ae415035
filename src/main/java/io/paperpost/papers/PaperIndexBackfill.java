package io.paperpost.papers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.paperpost.storage.LineListConverter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * On start, fills what the importer maintains for papers written another way (before migration V20, or
 * persisted through JPA by other code): the title key and the normalized author rows. Usually finds nothing.
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
            LOG.infof("Indexed title keys and authors of %d papers written outside the importer", done);
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
            try (PreparedStatement select = connection.prepareStatement("select p.id, p.title, p.authors, p.title_key "
                    + "from paper p where p.title_key is null or (p.authors <> '' and not exists "
                    + "(select 1 from paper_author a where a.paper_id = p.id))")) {
                select.setMaxRows(BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Paper p = new Paper();
                        p.id = rows.getString(1);
                        p.title = rows.getString(2);
                        p.authors = LineListConverter.fromColumn(rows.getString(3));
                        p.titleKey = rows.getString(4);
                        papers.add(p);
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update paper set title_key = ? where id = ?");
                 PreparedStatement delete = connection.prepareStatement("delete from paper_author where paper_id = ?")) {
                for (Paper p : papers) {
                    update.setString(1, PaperKeys.fromTitle(p.title));
                    update.setString(2, p.id);
                    update.addBatch();
                    delete.setString(1, p.id);
                    delete.addBatch();
                }
                if (!papers.isEmpty()) {
                    update.executeBatch();
                    delete.executeBatch();
                }
            }
            PaperStore.writeAuthors(connection, papers, List.of(), io.paperpost.ranking.Ranker::normalizeName);
            return papers.size();
        }
    }
}
