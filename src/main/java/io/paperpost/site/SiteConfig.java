package io.paperpost.site;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How PaperPost presents itself to readers. */
@ConfigMapping(prefix = "paperpost.site")
public interface SiteConfig {

    /** Public address readers reach PaperPost at; every link in every email starts with it. No trailing slash. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** The newsletter's name, shown in pages, subjects and the From name. */
    @WithDefault("PaperPost")
    String name();

    /** Sender's postal or contact line, required in the footer of bulk mail (CAN-SPAM, GDPR). */
    @WithDefault("PaperPost · run by its operators · reply to this email to reach a person")
    String contactLine();
}
