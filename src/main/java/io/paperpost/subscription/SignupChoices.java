package io.paperpost.subscription;

import io.paperpost.storage.LineListConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.MappedSuperclass;
import java.util.ArrayList;
import java.util.List;

/**
 * What a signup chooses: topics, interests, followed authors and the time zone. A {@link Reader} holds the ones in
 * force; a {@link PendingSignup} those of a signup that waits for its confirmation link.
 */
@MappedSuperclass
public abstract class SignupChoices extends PanacheEntityBase {

    /** Ids of chosen topics from the topic list in config/. */
    @Convert(converter = LineListConverter.class)
    public List<String> topics = new ArrayList<>();

    /** Free text as the reader typed it. */
    public String interests = "";

    @Convert(converter = LineListConverter.class)
    @Column(name = "followed_authors")
    public List<String> followedAuthors = new ArrayList<>();

    /** IANA zone id. */
    @Column(name = "time_zone")
    public String timeZone = "UTC";

    /** Called before the interest text changes. */
    void interestsChanged() {
    }

    /** Takes validated topics, interests and authors; the zone is set on its own. */
    void choose(Preferences preferences) {
        topics = new ArrayList<>(preferences.topics());
        if (!preferences.interests().equals(interests)) {
            interestsChanged();
        }
        interests = preferences.interests();
        followedAuthors = new ArrayList<>(preferences.authors());
    }

    /** Takes all of another's choices: a confirmed signup's become its reader's. */
    void chooseAs(SignupChoices other) {
        topics = new ArrayList<>(other.topics);
        if (!other.interests.equals(interests)) {
            interestsChanged();
        }
        interests = other.interests;
        followedAuthors = new ArrayList<>(other.followedAuthors);
        timeZone = other.timeZone;
    }
}
