package io.paperpost.feedback;

import io.paperpost.papers.Paper;
import io.paperpost.ranking.AuthorNames;
import io.paperpost.site.InvalidInputException;
import io.paperpost.site.InvalidLinkException;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.SubscriptionConfig;
import io.paperpost.subscription.TopicCatalog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Carries out the steering links of the digest, and undoes them. Each change and its undo is one transaction. What
 * an undo returns to (the rating before "fewer like this", whether a muted author was followed, whether a muted topic
 * was chosen) travels in the result page's undo form: it is the reader's own state, behind their signed link.
 */
@ApplicationScoped
public class SteeringService {

    @Inject
    FeedbackService feedback;
    @Inject
    TopicCatalog topics;
    @Inject
    SubscriptionConfig subscriptionConfig;

    /** What the link's page asks before its one button. */
    public record Question(String heading, String about, String button, String hint) {
    }

    /** What changed, and what its undo form sends back. */
    public record Outcome(String headline, String detail, String undoState) {
    }

    /** @throws InvalidLinkException when the reader is gone or unconfirmed, or the paper or topic is unknown */
    public Question ask(Steering steering) {
        String name = resolve(steering).name();
        return switch (steering.action()) {
            case FEWER_LIKE_THIS -> new Question("Fewer papers like this?", name, "Show me fewer like this",
                    "Stronger than 👎: papers close to it in meaning and in words will rank lower.");
            case MUTE_AUTHOR -> new Question("Mute " + name + "?", "Papers by " + name, "Mute " + name,
                    "You will get no more papers by this author. You can unmute them on your preferences page.");
            case FOLLOW_AUTHOR -> new Question("More from " + name + "?", "Papers by " + name, "Follow " + name,
                    "Their new papers will rank near the top of your emails.");
            case MUTE_TOPIC -> new Question("Mute the topic " + name + "?", name, "Mute " + name,
                    "Papers mainly about this topic will no longer appear in your emails.");
        };
    }

    /** Carries out the link's action; doing it twice changes nothing more. */
    public Outcome apply(Steering steering) {
        Target resolved = resolve(steering);
        String name = resolved.name();
        String target = resolved.key();
        return switch (steering.action()) {
            case FEWER_LIKE_THIS -> {
                short before = feedback.ratingOf(steering.readerId(), steering.paperId());
                feedback.record(steering.readerId(), steering.paperId(), Feedback.FEWER_LIKE_THIS);
                yield new Outcome("Noted: fewer papers like this",
                        "Papers close to “" + name + "” in meaning and in words will rank lower in your next emails.",
                        before == Feedback.FEWER_LIKE_THIS ? "0" : Short.toString(before));
            }
            case MUTE_AUTHOR -> changeReader(steering.readerId(), reader -> {
                boolean wasFollowed = removeAuthor(reader.followedAuthors, target);
                if (!hasAuthor(reader.mutedAuthors, target)) {
                    reader.mutedAuthors.add(target);
                }
                return new Outcome(name + " is muted", "You will get no more papers by " + name + "."
                        + (wasFollowed ? " You no longer follow them." : ""), wasFollowed ? "followed" : "none");
            });
            case FOLLOW_AUTHOR -> changeReader(steering.readerId(), reader -> {
                boolean wasMuted = removeAuthor(reader.mutedAuthors, target);
                boolean already = hasAuthor(reader.followedAuthors, target);
                if (!already) {
                    if (reader.followedAuthors.size() >= subscriptionConfig.maxAuthors()) {
                        throw new InvalidInputException("authors", "You follow " + reader.followedAuthors.size()
                                + " authors already, the most there can be. Remove one on your preferences page.");
                    }
                    reader.followedAuthors.add(target);
                }
                return new Outcome("You follow " + name, "New papers by " + name
                        + " will rank near the top of your emails.", already ? "already" : wasMuted ? "muted" : "none");
            });
            case MUTE_TOPIC -> changeReader(steering.readerId(), reader -> {
                boolean wasChosen = reader.topics.remove(target);
                if (!reader.mutedTopics.contains(target)) {
                    reader.mutedTopics.add(target);
                }
                return new Outcome(name + " is muted", "Papers mainly about " + name + " will no longer appear."
                        + (wasChosen ? " It is also out of your topics." : ""), wasChosen ? "chosen" : "none");
            });
        };
    }

    /**
     * Returns to the state before {@link #apply}.
     *
     * @param undoState what {@link Outcome#undoState()} said
     * @throws InvalidInputException when the undo state is not one the action gives
     */
    public Outcome undo(Steering steering, String undoState) {
        Target resolved = resolve(steering);
        String name = resolved.name();
        String target = resolved.key();
        String state = undoState == null ? "" : undoState;
        return switch (steering.action()) {
            case FEWER_LIKE_THIS -> {
                short rating = switch (state) {
                    case "0", "1", "-1" -> Short.parseShort(state);
                    default -> throw badUndo();
                };
                feedback.restore(steering.readerId(), steering.paperId(), rating);
                yield new Outcome("Undone", "Papers like “" + name + "” rank as before.", state);
            }
            case MUTE_AUTHOR -> changeReader(steering.readerId(), reader -> {
                requireOneOf(state, "followed", "none");
                removeAuthor(reader.mutedAuthors, target);
                if (state.equals("followed") && !hasAuthor(reader.followedAuthors, target)) {
                    reader.followedAuthors.add(target);
                }
                return new Outcome("Undone", name + " is no longer muted.", state);
            });
            case FOLLOW_AUTHOR -> changeReader(steering.readerId(), reader -> {
                requireOneOf(state, "already", "muted", "none");
                if (!state.equals("already")) {
                    removeAuthor(reader.followedAuthors, target);
                }
                if (state.equals("muted") && !hasAuthor(reader.mutedAuthors, target)) {
                    reader.mutedAuthors.add(target);
                }
                return new Outcome("Undone", state.equals("already")
                        ? "You still follow " + name + ", as before."
                        : "You no longer follow " + name + ".", state);
            });
            case MUTE_TOPIC -> changeReader(steering.readerId(), reader -> {
                requireOneOf(state, "chosen", "none");
                reader.mutedTopics.remove(target);
                if (state.equals("chosen") && !reader.topics.contains(target)) {
                    reader.topics.add(target);
                }
                return new Outcome("Undone", name + " is no longer muted.", state);
            });
        };
    }

    /** What an action is about: its stored key (paper id, author name, topic id) and how a page names it. */
    private record Target(String key, String name) {
    }

    /** The paper, its first author or its topic; checks the reader may steer. */
    private Target resolve(Steering steering) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Paper paper = LinkedPapers.require(steering.readerId(), steering.paperId());
            return switch (steering.action()) {
                case FEWER_LIKE_THIS -> new Target(paper.id, paper.title);
                case MUTE_AUTHOR, FOLLOW_AUTHOR -> {
                    if (paper.authors.isEmpty()) {
                        throw new InvalidLinkException("paper without authors");
                    }
                    yield new Target(paper.authors.get(0), paper.authors.get(0));
                }
                case MUTE_TOPIC -> {
                    String topic = steering.topicId();
                    if (topic == null) {
                        throw new InvalidLinkException("steering link without topic");
                    }
                    yield new Target(topic, topics.find(topic).map(t -> t.name())
                            .orElseThrow(() -> new InvalidLinkException("no such topic")));
                }
            };
        });
    }

    private static <T> T changeReader(long readerId, Function<Reader, T> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reader reader = Reader.findById(readerId);
            // Converted columns are dirty-checked against the loaded value: change copies, never it in place.
            reader.mutedAuthors = new ArrayList<>(reader.mutedAuthors);
            reader.mutedTopics = new ArrayList<>(reader.mutedTopics);
            return change.apply(reader);
        });
    }

    private static boolean hasAuthor(List<String> names, String author) {
        return names.stream().anyMatch(sameAuthor(author));
    }

    /** Removes every spelling of the author; true when there was one. */
    private static boolean removeAuthor(List<String> names, String author) {
        return names.removeIf(sameAuthor(author));
    }

    private static Predicate<String> sameAuthor(String author) {
        String key = AuthorNames.normalize(author);
        return name -> AuthorNames.normalize(name).equals(key);
    }

    private static void requireOneOf(String state, String... allowed) {
        if (!List.of(allowed).contains(state)) {
            throw badUndo();
        }
    }

    private static InvalidInputException badUndo() {
        return new InvalidInputException("undo", "This undo button is out of date. Reload the page and try again.");
    }
}
