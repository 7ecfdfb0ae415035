package io.paperpost.papers;

import java.io.IOException;

/** Where papers come from: an upload, a file, or a live feed. */
public interface PaperSource {

    /** Short name shown in import reports, e.g. {@code jsonl-upload}. */
    String name();

    /**
     * Reads the source, handing every parsed paper and every item that could not be read to the sink, in order.
     *
     * @throws IOException when the source as a whole cannot be read
     */
    void fetch(Sink sink) throws IOException;

    /**
     * Called once everything {@link #fetch} handed over is stored. HTTP sources remember the response
     * validators (ETag, Last-Modified) only then, so a failed import is fetched in full next time.
     */
    default void imported() {
    }

    /** Receives what a source reads. Positions are 1-based (line numbers for JSON Lines). */
    interface Sink {

        void accept(int position, PaperRecord paper);

        void reject(int position, String reason);
    }
}
