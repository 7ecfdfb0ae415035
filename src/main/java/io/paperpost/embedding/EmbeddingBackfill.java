package io.paperpost.embedding;

/**
 * Something that keeps vectors for stored texts and may be behind: papers imported since the worker last ran,
 * readers who changed their interests. The {@link EmbeddingWorker} asks each in turn until none has work.
 */
public interface EmbeddingBackfill {

    /** Embeds up to {@code limit} texts that lack vectors of the current model, in its own transaction. */
    int embedSome(int limit);
}
