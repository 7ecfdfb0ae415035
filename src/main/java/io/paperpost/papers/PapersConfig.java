package io.paperpost.papers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings for bringing papers in. */
@ConfigMapping(prefix = "paperpost.papers")
public interface PapersConfig {

    /** Import the bundled demo papers on start when the database holds no paper yet. */
    @WithDefault("true")
    boolean demoImport();

    /**
     * Papers written per transaction during an import (a batch is stored whole or not at all); up to two
     * batches are in memory, one being read and one being written.
     */
    @WithDefault("500")
    int importBatchSize();
}
