package io.paperpost.digest;

import io.paperpost.TestClock;
import io.paperpost.mail.GreenMailResource;
import io.quarkus.test.common.WithTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of days on the scheduled path share: empty tables, a {@link DigestSimulation} to publish papers
 * and run the clock, and the clock back to real time afterwards.
 */
@WithTestResource(GreenMailResource.class)
abstract class SimulatedDaysTest {

    @Inject
    TestClock clock;
    @Inject
    DigestSimulation simulation;

    @BeforeEach
    void beginSimulation() {
        simulation.begin();
    }

    @AfterEach
    void endSimulation() {
        simulation.end();
    }
}
