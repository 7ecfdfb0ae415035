package io.paperpost.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Settings of the admin's subscriber import ({@link ReaderImport}). */
@ConfigMapping(prefix = "paperpost.reader-import")
public interface ReaderImportConfig {

    /**
     * Rows written per transaction: a failure loses at most one batch (importing the file again adds only what is
     * missing), and memory holds at most one batch of rows.
     */
    @WithDefault("1000")
    int batchSize();

    /**
     * Topic ids given to an imported reader whose row names no topics, interests or authors (a reader needs at least
     * one of them, as on the signup form). Ids from the topic list; the import refuses to start if one is unknown.
     */
    @WithDefault("cs.LG")
    List<String> defaultTopics();

    /** How many invalid rows the report lists with their line and reason (all are counted). */
    @WithDefault("100")
    int invalidRowsListed();
}
