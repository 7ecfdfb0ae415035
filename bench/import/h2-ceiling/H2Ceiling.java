import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * What H2 alone costs for the rows of a new paper, without PaperPost: inserts N rows shaped like paper rows
 * (2 KB abstract, the four indexes of the real table) in batches with one commit each, with the authors either
 * as five rows of an indexed author table ("rows", the schema before V30) or in a column ("column", V30).
 * No parsing, no lookups: a ceiling for the importer on H2. Run by bench/import/h2-ceiling/run.sh.
 *
 * Usage: java -cp h2.jar H2Ceiling.java rows|column PAPERS BATCH JDBC_URL
 */
public class H2Ceiling {

    public static void main(String[] args) throws Exception {
        String variant = args[0];
        int papers = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        boolean authorRows = variant.equals("rows");
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Connection c = DriverManager.getConnection(args[3], "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table paper (id varchar(100) primary key, title varchar(1000) not null, "
                        + "summary varchar(20000) not null, authors varchar(8000) not null, author_keys varchar(8000), "
                        + "first_seen_on date not null, arxiv_id varchar(40), title_key varchar(20), upvotes integer)");
                s.execute("create index ix_paper_first_seen on paper (first_seen_on)");
                s.execute("create unique index ux_paper_arxiv_id on paper (arxiv_id)");
                s.execute("create index ix_paper_title_key on paper (title_key)");
                s.execute("create table paper_author (paper_id varchar(100) not null references paper (id) on delete cascade, "
                        + "position integer not null, name varchar(300) not null, normalized_name varchar(300) not null, "
                        + "primary key (paper_id, position))");
                s.execute("create index ix_paper_author_name on paper_author (normalized_name)");
            }
            c.setAutoCommit(false);
            String summary = "lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(34);
            Random random = new Random(42);
            long thread0 = threads.getCurrentThreadCpuTime();
            long process0 = os.getProcessCpuTime();
            long started = System.nanoTime();
            try (PreparedStatement paper = c.prepareStatement("insert into paper values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement author = c.prepareStatement("insert into paper_author values (?, ?, ?, ?)")) {
                for (int i = 0; i < papers; i++) {
                    String id = i % 2 == 0 ? String.format(Locale.ROOT, "25%02d.%05d", i / 100_000 % 100, i % 100_000)
                            : "t-" + Long.toHexString(random.nextLong() | Long.MIN_VALUE).substring(0, 12);
                    paper.setString(1, id);
                    paper.setString(2, "Title " + i);
                    paper.setString(3, summary);
                    paper.setString(4, "Wei Zhang\nJosé García\nAnna Smith\nTom Becker\nLuca Rossi");
                    paper.setString(5, authorRows ? null : "|wei zhang|jose garcia|anna smith|tom becker|luca rossi|");
                    paper.setObject(6, LocalDate.of(2025, 10, 23));
                    paper.setString(7, i % 2 == 0 ? id : null);
                    paper.setString(8, "t-" + Long.toHexString(random.nextLong() | Long.MIN_VALUE).substring(0, 12));
                    paper.setInt(9, i % 200);
                    paper.addBatch();
                    for (int a = 0; authorRows && a < 5; a++) {
                        author.setString(1, id);
                        author.setInt(2, a + 1);
                        author.setString(3, "Name " + a);
                        author.setString(4, "name " + random.nextInt(400));
                        author.addBatch();
                    }
                    if ((i + 1) % batch == 0 || i == papers - 1) {
                        paper.executeBatch();
                        if (authorRows) {
                            author.executeBatch();
                        }
                        c.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double thread = (threads.getCurrentThreadCpuTime() - thread0) / 1e9;
            double process = (os.getProcessCpuTime() - process0) / 1e9;
            System.out.printf(Locale.ROOT, "H2CEILING %s: %d papers, batch %d, %s: %.2f s = %.0f papers/s; CPU inserting "
                            + "thread %.2f s (= %.0f papers per CPU second), whole process %.2f s%n", variant, papers, batch,
                    args[3].startsWith("jdbc:h2:mem") ? "in memory" : "file", seconds, papers / seconds, thread,
                    papers / thread, process);
        }
    }
}
