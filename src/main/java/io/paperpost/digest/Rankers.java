package io.paperpost.digest;

import io.paperpost.ranking.Ranker;
import io.paperpost.subscription.TopicCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one ranker of the application, built over the operator's topic list. */
@ApplicationScoped
public class Rankers {

    @Produces
    @ApplicationScoped
    Ranker ranker(TopicCatalog catalog) {
        return new Ranker(catalog.all());
    }
}
