package io.paperpost.digest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * "Pause all sending", stored in the database so every instance obeys it: while paused, runs send nothing
 * (each is recorded as paused) and workers claim no chunks and stop theirs after the reader in hand; a stopped
 * chunk is taken up again after its lease once sending resumes.
 */
@ApplicationScoped
public class SendingSwitch {

    static final String NAME = "sending.paused";

    @Inject
    Clock clock;

    public boolean paused() {
        return QuarkusTransaction.requiringNew().call(() -> {
            AppSetting setting = AppSetting.findById(NAME);
            return setting != null && Boolean.parseBoolean(setting.value);
        });
    }

    public void setPaused(boolean paused) {
        QuarkusTransaction.requiringNew().run(() -> {
            AppSetting setting = AppSetting.findById(NAME);
            if (setting == null) {
                setting = new AppSetting();
                setting.name = NAME;
            }
            setting.value = Boolean.toString(paused);
            setting.updatedAt = clock.instant();
            setting.persist();
        });
    }
}
