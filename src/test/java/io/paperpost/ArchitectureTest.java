package io.paperpost;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of docs/architecture.md: packages by capability, site, storage and ranking at the bottom,
 * preferences and admin at the top, no cycles, and a ranker that is plain Java.
 */
@AnalyzeClasses(packages = "io.paperpost", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theBottomPackagesUseNoOtherPackage = noClasses()
            .that().resideInAnyPackage("io.paperpost.site..", "io.paperpost.storage..", "io.paperpost.ranking..")
            .should().dependOnClassesThat().resideInAnyPackage("io.paperpost.admin..", "io.paperpost.delivery..",
                    "io.paperpost.digest..", "io.paperpost.embedding..", "io.paperpost.feed..",
                    "io.paperpost.feedback..",
                    "io.paperpost.mail..", "io.paperpost.papers..", "io.paperpost.preferences..",
                    "io.paperpost.subscription..", "io.paperpost.bounces..", "io.paperpost.readinglist..",
                    "io.paperpost.followups..");

    /**
     * Embedding sits on the ranker (its vectors) and papers (what it embeds, the import event); the readers' side,
     * feedback and the digest use it, and it knows none of them.
     */
    @ArchTest
    static final ArchRule embeddingUsesOnlyTheRankerPapersAndTheBottom = noClasses()
            .that().resideInAPackage("io.paperpost.embedding..")
            .should().dependOnClassesThat().resideInAnyPackage("io.paperpost.admin..", "io.paperpost.delivery..",
                    "io.paperpost.digest..", "io.paperpost.feed..", "io.paperpost.feedback..", "io.paperpost.mail..",
                    "io.paperpost.preferences..", "io.paperpost.subscription..", "io.paperpost.bounces..",
                    "io.paperpost.readinglist..", "io.paperpost.followups..");

    /**
     * The mail edge (and its queue) sits just above site and storage: subscription and the ledger send through it, it
     * knows neither; the queue reports back with an event.
     */
    @ArchTest
    static final ArchRule theMailEdgeUsesOnlySiteAndStorage = noClasses().that().resideInAPackage("io.paperpost.mail..")
            .should().dependOnClassesThat().resideInAnyPackage("io.paperpost.admin..", "io.paperpost.delivery..",
                    "io.paperpost.digest..", "io.paperpost.embedding..", "io.paperpost.feed..",
                    "io.paperpost.feedback..",
                    "io.paperpost.papers..", "io.paperpost.preferences..", "io.paperpost.ranking..",
                    "io.paperpost.subscription..", "io.paperpost.readinglist..", "io.paperpost.followups..");

    /**
     * Late bounces and complaints sit above the ledger, subscription and the mail edge (they read the first, change
     * readers, implement the edge's ReturnPath); only admin uses them, and they know neither the digest nor admin.
     */
    @ArchTest
    static final ArchRule bouncesSitAboveDeliveryAndBelowAdmin = noClasses()
            .that().resideInAPackage("io.paperpost.bounces..")
            .should().dependOnClassesThat().resideInAnyPackage("io.paperpost.admin..", "io.paperpost.digest..",
                    "io.paperpost.embedding..", "io.paperpost.feed..", "io.paperpost.feedback..",
                    "io.paperpost.papers..",
                    "io.paperpost.preferences..", "io.paperpost.ranking..", "io.paperpost.readinglist..",
                    "io.paperpost.followups..");

    /**
     * The reading list sits above subscription, feedback (whose ranking input it feeds, through StrongLikes) and
     * papers; the digest links to it and the preferences page shows it, and it knows neither.
     */
    @ArchTest
    static final ArchRule theReadingListSitsBelowTheDigest = noClasses()
            .that().resideInAPackage("io.paperpost.readinglist..")
            .should().dependOnClassesThat().resideInAnyPackage("io.paperpost.admin..", "io.paperpost.bounces..",
                    "io.paperpost.delivery..", "io.paperpost.digest..", "io.paperpost.feed..", "io.paperpost.mail..",
                    "io.paperpost.preferences..", "io.paperpost.followups..");

    /**
     * Follow-ups sit on papers (the news, written by the import) and site (the paper's link); they read the likes and
     * saves by query, not by class, so the digest, the only package that uses them, sits above both.
     */
    @ArchTest
    static final ArchRule followUpsUseOnlyPapersAndTheBottom = noClasses()
            .that().resideInAPackage("io.paperpost.followups..")
            .should().dependOnClassesThat().resideInAnyPackage("io.paperpost.admin..", "io.paperpost.bounces..",
                    "io.paperpost.delivery..", "io.paperpost.digest..", "io.paperpost.embedding..",
                    "io.paperpost.feed..", "io.paperpost.feedback..", "io.paperpost.mail..",
                    "io.paperpost.preferences..", "io.paperpost.readinglist..", "io.paperpost.subscription..");

    /**
     * The reader's Atom feed sits above the digest (its texts), the ledger (what was picked) and subscription (the
     * token's reader); only the top packages (the preferences page shows its URL) use it.
     */
    @ArchTest
    static final ArchRule theFeedSitsAboveTheDigestAndBelowTheTop = noClasses()
            .that().resideInAPackage("io.paperpost.feed..")
            .should().dependOnClassesThat().resideInAnyPackage("io.paperpost.admin..", "io.paperpost.preferences..",
                    "io.paperpost.bounces..");

    @ArchTest
    static final ArchRule onlyTheTopPackagesUseTheFeed = noClasses()
            .that().resideOutsideOfPackages("io.paperpost.admin..", "io.paperpost.preferences..",
                    "io.paperpost.feed..")
            .should().dependOnClassesThat().resideInAPackage("io.paperpost.feed..");

    @ArchTest
    static final ArchRule onlyAdminUsesBounces = noClasses()
            .that().resideOutsideOfPackages("io.paperpost.admin..", "io.paperpost.bounces..")
            .should().dependOnClassesThat().resideInAPackage("io.paperpost.bounces..");

    @ArchTest
    static final ArchRule nothingUsesTheTopPackages = noClasses()
            .that().resideOutsideOfPackages("io.paperpost.admin..", "io.paperpost.preferences..")
            .should().dependOnClassesThat().resideInAnyPackage("io.paperpost.admin..", "io.paperpost.preferences..");

    @ArchTest
    static final ArchRule packagesNeedNoCycles = slices().matching("io.paperpost.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theRankerIsPlainJava = noClasses().that().resideInAPackage("io.paperpost.ranking..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..",
                    "io.smallrye..", "io.vertx..", "com.fasterxml..", "org.jboss..", "io.agroal..")
            .because("the ranker is measured and tested as plain Java, the same in a benchmark as in the application");
}
