package io.paperpost.papers.http;

import java.util.Optional;

/** Remembers, per URL, the validators of the last response imported, for conditional GETs. */
public interface ValidatorStore {

    record Validators(String etag, String lastModified) {
    }

    Optional<Validators> find(String url);

    void save(String url, Validators validators);
}
