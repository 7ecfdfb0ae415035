package io.paperpost.preferences;

import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.EmailChanges;
import io.paperpost.subscription.Reader;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The link in the notice sent to an address a reader left: undoes the change, for the owner of a subscription that
 * someone with one of their links moved away. It needs no form token: the signed link is the proof, and whoever
 * could forge the post could as well press the button.
 */
@Path("/email-change/undo/{token}")
@Produces(MediaType.TEXT_HTML)
public class EmailChangeUndoResource {

    @CheckedTemplate(basePath = "preferences")
    static class Templates {
        static native TemplateInstance emailChangeUndoPrompt(String siteName, String previous, String current);

        static native TemplateInstance emailChangeUndone(String siteName, String email);
    }

    @Inject
    EmailChanges emailChanges;
    @Inject
    SiteConfig site;

    /** One button, no change: mail scanners open every link in an email. */
    @GET
    public TemplateInstance ask(@RestPath String token) {
        EmailChanges.Undo undo = emailChanges.undoOf(token);
        return Templates.emailChangeUndoPrompt(site.name(), undo.previous(), undo.current());
    }

    @POST
    public TemplateInstance undo(@RestPath String token) {
        Reader reader = emailChanges.undo(token);
        return Templates.emailChangeUndone(site.name(), reader.email);
    }
}
