package io.paperpost.papers.http;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Validators in table {@code http_validator}. */
@ApplicationScoped
public class DatabaseValidatorStore implements ValidatorStore {

    static final int MAX_URL = 2000;

    @Override
    public Optional<Validators> find(String url) {
        if (url.length() > MAX_URL) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> HttpValidator.<HttpValidator>findByIdOptional(url)
                .map(v -> new Validators(v.etag, v.lastModified)));
    }

    @Override
    public void save(String url, Validators validators) {
        if (url.length() > MAX_URL) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            HttpValidator row = HttpValidator.findById(url);
            boolean known = row != null;
            if (!known) {
                row = new HttpValidator();
                row.url = url;
            }
            row.etag = clip(validators.etag(), 500);
            row.lastModified = clip(validators.lastModified(), 100);
            row.updatedAt = Instant.now();
            if (!known) {
                row.persist();
            }
        });
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : null;
    }
}
