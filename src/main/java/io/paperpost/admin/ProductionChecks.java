package io.paperpost.admin;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Refuses to start a production instance whose admin endpoints would be open or unusable. */
@ApplicationScoped
public class ProductionChecks {

    static final int MIN_PASSWORD_LENGTH = 12;

    @Inject
    AdminConfig admin;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        String password = admin.password().orElse("");
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("paperpost.admin.password is not set or shorter than " + MIN_PASSWORD_LENGTH
                    + " characters: production refuses to start without admin credentials. "
                    + "Set it in config/application.properties or PAPERPOST_ADMIN_PASSWORD.");
        }
    }
}
