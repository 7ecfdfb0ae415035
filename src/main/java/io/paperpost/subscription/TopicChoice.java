package io.paperpost.subscription;

import java.util.Collection;
import java.util.List;

/** A topic checkbox on a form. */
public record TopicChoice(String id, String name, String description, boolean checked) {

    /** Every topic of the catalog, checked where chosen. */
    public static List<TopicChoice> of(TopicCatalog catalog, Collection<String> chosen) {
        return catalog.all().stream()
                .map(t -> new TopicChoice(t.id(), t.name(), t.description(), chosen.contains(t.id())))
                .toList();
    }
}
