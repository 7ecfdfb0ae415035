package io.paperpost.feedback;

import io.paperpost.site.Links;
import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/** The 👍 / 👎 links of the digest: opening one records the rating and offers to undo it. */
@Path("/feedback/{token}")
@Produces(MediaType.TEXT_HTML)
public class FeedbackResource {

    @CheckedTemplate(basePath = "feedback")
    static class Templates {
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
    public TemplateInstance rate(@RestPath String token) {
        FeedbackLinks.Vote vote = feedbackLinks.verify(token);
        FeedbackService.Recorded recorded = feedback.record(vote.readerId(), vote.paperId(), vote.rating());
        boolean liked = recorded.rating() > 0;
        return Templates.thanks(site.name(), recorded.paperTitle(), liked,
                feedbackLinks.link(recorded.readerId(), recorded.paperId(), liked ? Feedback.DISLIKE : Feedback.LIKE),
                links.preferences(tokens.issue(TokenPurpose.MANAGE, recorded.readerId())));
    }
}
