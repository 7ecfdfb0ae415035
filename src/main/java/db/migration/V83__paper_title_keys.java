package db.migration;

import io.paperpost.papers.PaperKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

/**
 * V83: every paper has its title key ({@link PaperKeys#fromTitle}), the key records without a common id are
 * matched on. The importer and JPA writes (the {@code Paper} entity's callback) always set it; rows written before
 * V20 added the column, or by plain SQL without it, get it here. Until V83 {@code PaperIndexBackfill} looked for
 * such rows at every start, and usually found none. A Java migration because the key is a SHA-1 of the normalized
 * title, which has no portable SQL (H2 and PostgreSQL); it applies the importer's own rule, so the keys written
 * here are the keys lookups compute.
 */
public class V83__paper_title_keys extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V83__paper_title_keys.class);
    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        int keyed = 0;
        // Streamed: a database from before V20 has no title key on any row.
        try (Statement select = db.createStatement();
                PreparedStatement update = db.prepareStatement("update paper set title_key = ? where id = ?")) {
            select.setFetchSize(1_000);
            try (ResultSet rows = select.executeQuery("select id, title from paper where title_key is null")) {
                while (rows.next()) {
                    update.setString(1, PaperKeys.fromTitle(rows.getString(2)));
                    update.setString(2, rows.getString(1));
                    update.addBatch();
                    if (++keyed % BATCH == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
        if (keyed > 0) {
            LOG.infof("V83: title keys of %d papers written without one", keyed);
        }
    }
}
