package io.paperpost.feedback;

import io.paperpost.site.Links;
import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The steering links of the digest: fewer like this, mute or follow an author, mute a topic. Like the 👍 / 👎 links,
 * opening one changes nothing (mail scanners open every link): the page asks, with one button, and only its POST
 * acts. The result page says what changed and offers an undo, another POST.
 */
@Path("/steer/{token}/{action}")
@Produces(MediaType.TEXT_HTML)
public class SteeringResource {

    @CheckedTemplate(basePath = "feedback")
    static class Templates {
        static native TemplateInstance steer(String siteName, SteeringService.Question question);

        static native TemplateInstance steered(String siteName, SteeringService.Outcome outcome, String undoPath,
                String preferencesUrl);
    }

    @Inject
    SteeringLinks steeringLinks;
    @Inject
    SteeringService steering;
    @Inject
    ReaderTokens tokens;
    @Inject
    Links links;
    @Inject
    SiteConfig site;

    @GET
    public TemplateInstance ask(@RestPath String token, @RestPath String action) {
        return Templates.steer(site.name(), steering.ask(steeringLinks.verify(token, action)));
    }

    @POST
    public TemplateInstance apply(@RestPath String token, @RestPath String action) {
        Steering request = steeringLinks.verify(token, action);
        return Templates.steered(site.name(), steering.apply(request), "/steer/" + token + "/" + action + "/undo",
                preferences(request));
    }

    @POST
    @Path("/undo")
    public TemplateInstance undo(@RestPath String token, @RestPath String action, @RestForm String state) {
        Steering request = steeringLinks.verify(token, action);
        return Templates.steered(site.name(), steering.undo(request, state), null,
                preferences(request));
    }

    private String preferences(Steering request) {
        return links.preferences(tokens.issue(TokenPurpose.MANAGE, request.readerId()));
    }
}
