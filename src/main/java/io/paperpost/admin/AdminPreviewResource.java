package io.paperpost.admin;

import io.paperpost.digest.DigestPreview;
import io.paperpost.ranking.RankedPaper;
import io.paperpost.ranking.ReaderProfile;
import io.paperpost.ranking.SemanticProfile;
import io.paperpost.subscription.ReaderInterestVectors;
import io.paperpost.subscription.TopicCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestQuery;

/** What the ranker would pick for an ad-hoc profile: for tuning and support, nothing is stored or sent. */
@Path("/api/v1/admin/preview")
@RolesAllowed(AdminIdentityProvider.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class AdminPreviewResource {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    @Inject
    DigestPreview preview;
    @Inject
    TopicCatalog catalog;
    @Inject
    ReaderInterestVectors interestVectors;

    /** One pick; {@code kind} is PERSONAL, EXPLORATION (the one pick outside the profile) or TRENDING (fallback). */
    public record Pick(String id, String title, double score, String reason, RankedPaper.Kind kind) {
    }

    /**
     * @param topics    topic ids, repeatable or comma-separated
     * @param authors   followed authors, comma-separated
     * @param date      rank the papers first seen that (UTC) day; by default, what a new reader's first email would
     *                  hold if it were composed now
     * @param limit     1 to 100, default 10
     */
    @GET
    public List<Pick> preview(@RestQuery String interests, @RestQuery List<String> topics, @RestQuery String authors,
            @RestQuery String date, @RestQuery String limit) {
        Set<String> topicIds = Set.copyOf(catalog.requireKnown(split(topics)));
        List<String> followed = split(authors == null ? List.of() : List.of(authors));
        int max = AdminLimits.parse(limit, DEFAULT_LIMIT, MAX_LIMIT);
        LocalDate day = date == null || date.isBlank() ? null : AdminDates.parse("date", date);
        String text = interests == null ? "" : interests;
        ReaderProfile profile = new ReaderProfile(topicIds, text, followed, ReaderProfile.DEFAULT_TREND_WEIGHT,
                Set.of()).withSemantic(new SemanticProfile(interestVectors.aspects(text), List.of(), List.of()));
        List<Pick> picks = new ArrayList<>();
        List<RankedPaper> ranked = day == null
                ? preview.firstEmail(profile, max)
                : preview.firstSeenOn(day, profile, max);
        for (RankedPaper p : ranked) {
            picks.add(new Pick(p.paper().id(), p.paper().title(), p.score(), p.reason(), p.kind()));
        }
        return picks;
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            values.stream().filter(v -> v != null).flatMap(v -> Arrays.stream(v.split(",")))
                    .map(String::strip).filter(v -> !v.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
