package io.paperpost.papers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Imports of papers; each source's schedule is in {@link SourcesConfig}. */
@ConfigMapping(prefix = "paperpost.import")
public interface ImportConfig {

    /** How many item errors an import run keeps for the admin to read. Default 20. */
    @WithDefault("20")
    int firstErrors();
}
