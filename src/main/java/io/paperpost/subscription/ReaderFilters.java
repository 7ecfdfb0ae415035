package io.paperpost.subscription;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;

/** Saves a reader's hard filters from the preferences page. Owns its transaction. */
@ApplicationScoped
public class ReaderFilters {

    /** Stores the filters and returns the reader as saved. */
    public Reader save(long readerId, FilterChoices choices) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = Reader.findById(readerId);
            reader.mustWords = new ArrayList<>(choices.mustWords());
            reader.neverWords = new ArrayList<>(choices.neverWords());
            reader.mutedAuthors = new ArrayList<>(choices.mutedAuthors());
            reader.mutedTopics = new ArrayList<>(choices.mutedTopics());
            return reader;
        });
    }
}
