package io.paperpost.admin;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links between the admin pages, for templates: {@code {adminLink:deliveries(f.email)}}. */
@TemplateExtension(namespace = "adminLink")
public final class AdminLinks {

    private AdminLinks() {
    }

    /** The dashboard's "A reader's deliveries" for the address (encoded: an address may hold '+' or '&'). */
    static String deliveries(String email) {
        return "/admin?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "#reader";
    }

    /** The run's failed, retrying and suppressed emails. */
    static String failures(long runId) {
        return "/admin/runs/" + runId + "/failures";
    }
}
