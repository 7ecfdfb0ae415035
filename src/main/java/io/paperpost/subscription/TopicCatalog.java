package io.paperpost.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpost.ranking.Topic;
import io.paperpost.site.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The topics readers can choose, read once from the operator's topic list in config/. */
@ApplicationScoped
public class TopicCatalog {

    @Inject
    SubscriptionConfig config;
    @Inject
    ObjectMapper json;

    private Map<String, Topic> topics;
    private List<Topic> ordered;

    record TopicFile(List<Topic> topics) {
    }

    @PostConstruct
    void load() {
        try {
            TopicFile file = json.readValue(Files.readString(config.topicsFile()), TopicFile.class);
            Map<String, Topic> byId = new LinkedHashMap<>();
            for (Topic topic : file.topics()) {
                if (topic.id() == null || !topic.id().matches("[A-Za-z0-9._-]{1,40}") || topic.name() == null) {
                    throw new IllegalStateException(
                            "topic without a valid id (letters, digits, . _ -) or name: " + topic);
                }
                if (byId.put(topic.id(), topic) != null) {
                    throw new IllegalStateException("topic id listed twice: " + topic.id());
                }
            }
            topics = Map.copyOf(byId);
            ordered = List.copyOf(byId.values());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the topic list " + config.topicsFile().toAbsolutePath()
                    + " (set paperpost.subscription.topics-file): " + e.getMessage(), e);
        }
    }

    /** All topics, in the order of the file. */
    public List<Topic> all() {
        return ordered;
    }

    public Optional<Topic> find(String id) {
        return Optional.ofNullable(topics.get(id));
    }

    /**
     * The given topic ids trimmed, blanks dropped, duplicates removed, in order.
     *
     * @throws InvalidInputException naming the {@code topics} field when an id is not in the list
     */
    public List<String> requireKnown(Collection<String> ids) {
        Set<String> known = new LinkedHashSet<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            if (id == null || id.isBlank()) {
                continue;
            }
            String trimmed = id.strip();
            if (!topics.containsKey(trimmed)) {
                String shown = trimmed.length() > 40 ? trimmed.substring(0, 40) + "…" : trimmed;
                throw new InvalidInputException("topics", "Unknown topic '" + shown + "'.");
            }
            known.add(trimmed);
        }
        return List.copyOf(known);
    }
}
