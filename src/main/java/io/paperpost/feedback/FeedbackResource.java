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
import org.jboss.resteasy.reactive.RestPath;

/**
 * The 👍 / 👎 links of the digest. Opening one changes nothing: mail scanners open every link in an email, so the page
 * shows the rating with one button, and only pressing it (a POST, which scanners do not send) records it. The
 * thanks page then offers the opposite rating, the same way.
 */
@Path("/feedback/{token}")
@Produces(MediaType.TEXT_HTML)
public class FeedbackResource {

    @CheckedTemplate(basePath = "feedback")
    static class Templates {
        static native TemplateInstance vote(String siteName, String paperTitle, boolean liked);

        static native TemplateInstance thanks(String siteName, String paperTitle, boolean liked, String undoUrl,
                String preferencesUrl);
    }

    @Inject
    FeedbackLinks feedbackLinks;
    @Inject
    FeedbackService feedback;
    @Inject
    ReaderTokens tokens;
    @Inject
    Links links;
    @Inject
    SiteConfig site;

    @GET
    public TemplateInstance ask(@RestPath String token) {
        FeedbackLinks.Vote vote = feedbackLinks.verify(token);
        String title = feedback.paperToRate(vote.readerId(), vote.paperId());
        return Templates.vote(site.name(), title, vote.rating() > 0);
    }

    @POST
    public TemplateInstance rate(@RestPath String token) {
        FeedbackLinks.Vote vote = feedbackLinks.verify(token);
        FeedbackService.Recorded recorded = feedback.record(vote.readerId(), vote.paperId(), vote.rating());
        boolean liked = recorded.rating() > 0;
        return Templates.thanks(site.name(), recorded.paperTitle(), liked,
                feedbackLinks.link(recorded.readerId(), recorded.paperId(), liked ? Feedback.DISLIKE : Feedback.LIKE),
                links.preferences(tokens.issue(TokenPurpose.MANAGE, recorded.readerId())));
    }
}
