package io.paperpost.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The process {@link H2DurabilityTest} kills: opens the H2 file database at the URL given, then commits one row at a
 * time, each in its own transaction, and prints the row's id once its commit has returned. Runs until killed.
 */
public final class H2CommitLoop {

    private H2CommitLoop() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], "sa", "")) {
            try (Statement statement = db.createStatement()) {
                statement.execute("create table committed_row (id int primary key)");
            }
            try (PreparedStatement insert = db.prepareStatement("insert into committed_row (id) values (?)")) {
                for (int id = 1;; id++) {
                    insert.setInt(1, id);
                    insert.executeUpdate(); // auto-commit: committed when this returns
                    System.out.println(id);
                    System.out.flush();
                    // A few hundred commits a second, as a digest run's ledger makes: too little unsaved data for H2
                    // to write it out early for memory's sake, so only its write delay decides when it reaches the file.
                    Thread.sleep(2);
                }
            }
        }
    }
}
