package io.paperpost.papers;

import java.io.IOException;
import java.util.List;

/** A source that hands over the given records (null = an item rejected as broken), then fails if told to. */
public final class ListSource implements PaperSource {

    private final String name;
    private final List<PaperRecord> records;
    private final IOException failure;
    public boolean imported;

    public ListSource(String name, List<PaperRecord> records) {
        this(name, records, null);
    }

    public ListSource(String name, List<PaperRecord> records, IOException failure) {
        this.name = name;
        this.records = records;
        this.failure = failure;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fetch(Sink sink) throws IOException {
        int position = 0;
        for (PaperRecord record : records) {
            position++;
            if (record == null) {
                sink.reject(position, "broken item");
            } else {
                sink.accept(position, record);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void imported() {
        imported = true;
    }
}
