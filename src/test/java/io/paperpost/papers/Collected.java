package io.paperpost.papers;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what a source handed over, in order. */
public final class Collected implements PaperSource.Sink {

    public final List<PaperRecord> accepted = new ArrayList<>();
    public final List<Integer> positions = new ArrayList<>();
    /** {@code position: reason} per rejected item. */
    public final List<String> rejected = new ArrayList<>();

    @Override
    public void accept(int position, PaperRecord paper) {
        accepted.add(paper);
        positions.add(position);
    }

    @Override
    public void reject(int position, String reason) {
        rejected.add(position + ": " + reason);
    }
}
