package io.paperpost.subscription;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The topic list of {@code config/topics.json}, so a client of the JSON API can offer the same choices as the form. */
@Path("/api/v1/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "Sign up, confirm, resend the confirmation")
public class TopicsApi {

    /** One topic as a signup or the preferences take it: the id goes in {@code topics}. */
    public record TopicEntry(String id, String name, String description) {
    }

    @Inject
    TopicCatalog catalog;

    /** Every topic, in the order of the signup form. */
    @GET
    public List<TopicEntry> list() {
        return catalog.all().stream().map(t -> new TopicEntry(t.id(), t.name(), t.description())).toList();
    }
}
