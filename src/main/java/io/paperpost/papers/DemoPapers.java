package io.paperpost.papers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/** Loads the bundled sample papers into an empty database, so a new install has something to send. */
@ApplicationScoped
public class DemoPapers {

    static final String RESOURCE = "demo/sample-papers.jsonl";
    private static final Logger LOG = Logger.getLogger(DemoPapers.class);

    @Inject
    PapersConfig config;
    @Inject
    PaperImporter importer;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent event) throws IOException {
        if (!config.demoImport()) {
            return;
        }
        long papers = QuarkusTransaction.requiringNew().call(() -> Paper.count());
        if (papers > 0) {
            return;
        }
        LOG.info("No papers yet: importing the demo papers as first seen today");
        importDemoPapers(LocalDate.now(clock));
    }

    /** Imports the bundled sample papers, recording them as first seen on the given day. */
    public ImportReport importDemoPapers(LocalDate firstSeenOn) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("demo papers missing from the application: " + RESOURCE);
            }
            return importer.importFrom(new JsonLinesPaperSource("demo", in, json), firstSeenOn);
        }
    }
}
