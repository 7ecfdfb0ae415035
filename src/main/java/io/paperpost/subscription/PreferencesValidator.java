package io.paperpost.subscription;

import io.paperpost.site.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The checks a reader's topics, interests and followed authors pass, the same on the forms and in the API. */
@ApplicationScoped
public class PreferencesValidator {

    @Inject
    TopicCatalog catalog;
    @Inject
    SubscriptionConfig config;

    /** Checks topics against the topic list and tidies the free text; what the forms and the API share. */
    public Preferences validate(List<String> topicIds, String interests) {
        return validate(topicIds, interests, List.of());
    }

    /** Topics, interests and followed authors, checked and tidied. */
    public Preferences validate(List<String> topicIds, String interests, Collection<String> authors) {
        List<String> topics = catalog.requireKnown(topicIds);
        String text = interests == null ? "" : interests.strip();
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidInputException("interests", "Interests cannot contain control characters.");
        }
        text = text.replaceAll("\\s+", " ");
        if (text.length() > config.maxInterestsLength()) {
            throw new InvalidInputException("interests",
                    "Please keep your interests under " + config.maxInterestsLength() + " characters.");
        }
        List<String> followed = authors(authors);
        if (topics.isEmpty() && text.isEmpty() && followed.isEmpty()) {
            throw new InvalidInputException("topics", "Choose at least one topic or describe your interests.");
        }
        return new Preferences(topics, text, followed);
    }

    /** Author names as listed (one per line on the form), trimmed, without blanks or duplicates. */
    private List<String> authors(Collection<String> listed) {
        Set<String> names = new LinkedHashSet<>();
        for (String entry : listed == null ? List.<String>of() : listed) {
            for (String line : entry == null ? new String[0] : entry.split("\\R")) {
                String name = line.strip().replaceAll("\\s+", " ");
                if (name.isEmpty()) {
                    continue;
                }
                if (name.chars().anyMatch(Character::isISOControl)) {
                    throw new InvalidInputException("authors", "Author names cannot contain control characters.");
                }
                if (name.length() > config.maxAuthorLength()) {
                    throw new InvalidInputException("authors",
                            "Author names can be at most " + config.maxAuthorLength() + " characters.");
                }
                names.add(name);
            }
        }
        if (names.size() > config.maxAuthors()) {
            throw new InvalidInputException("authors", "You can follow at most " + config.maxAuthors() + " authors.");
        }
        return List.copyOf(names);
    }
}
