package io.paperpost.admin;

import io.paperpost.bounces.BounceHistory;
import io.paperpost.delivery.DeliveryQueries;
import io.paperpost.delivery.StrandedSends;
import io.paperpost.digest.DigestConfig;
import io.paperpost.digest.DigestRuns;
import io.paperpost.digest.DigestService;
import io.paperpost.digest.RunTrigger;
import io.paperpost.digest.RunView;
import io.paperpost.digest.SendingSwitch;
import io.paperpost.mail.EmailAddresses;
import io.paperpost.mail.queue.MailQueueOverview;
import io.paperpost.papers.ImportRunView;
import io.paperpost.papers.ImportRuns;
import io.paperpost.site.InvalidInputException;
import io.paperpost.site.SameOrigin;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The operator's dashboard at /admin (basic auth, role admin): runs that update in place while they run (the page
 * polls {@link AdminRunsResource}), each linked to its failures ({@link AdminRunFailuresResource}), subscribers and
 * the last days in charts ({@link DailyChart}, {@link DashboardHistory}), imports, "run now", "pause all sending",
 * the queue of account emails, emails a crash left SENDING (with "send now", {@link AdminStrandedResource}), late
 * bounces and complaints per day ({@link BounceHistory}), and one reader's delivery history with their bounces. Instants are shown as {@code <time>} elements ({@link AdminTimes}).
 */
@Path("/admin")
@RolesAllowed(AdminIdentityProvider.ROLE)
public class AdminDashboardResource {

    private static final Logger LOG = Logger.getLogger(AdminDashboardResource.class);
    static final int HISTORY_DAYS = 14;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance dashboard(boolean paused, List<RunView> runs, Map<String, Long> subscribers,
                DashboardHistory.Days history, RawString emailChart, RawString subscriberChart,
                List<ImportRunView> imports, String email, Optional<ReaderHistory> reader, String notice,
                List<StrandedSends.Stranded> stranded, MailQueueOverview.Overview mailQueue,
                List<BounceHistory.Day> bounceDays, RawString bounceChart);
    }

    /** One reader and their deliveries, newest first. */
    public record ReaderHistory(long id, String email, String status, String timeZone, int deliveryHour,
            String frequency,
            LocalDate lastDigestDate, List<DeliveryRow> deliveries, List<BounceHistory.Event> bounces) {
    }

    public record DeliveryRow(LocalDate digestDate, String status, int attempts, Instant sentAt, String lastError) {
    }

    @Inject
    DigestRuns runs;
    @Inject
    DigestService digest;
    @Inject
    DeliveryQueries deliveryQueries;
    @Inject
    DigestConfig digestConfig;
    @Inject
    SendingSwitch sending;
    @Inject
    ImportRuns imports;
    @Inject
    Clock clock;
    @Inject
    ManagedExecutor background;
    @Inject
    StrandedSends strandedSends;
    @Inject
    MailQueueOverview mailQueue;
    @Inject
    DashboardHistory history;
    @Inject
    BounceHistory bounces;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard(@RestQuery String email, @RestQuery String notice) {
        String wanted = email == null ? "" : email.strip();
        DashboardHistory.Days days = history.lastDays(HISTORY_DAYS);
        List<BounceHistory.Day> bounceDays = bounces.lastDays(HISTORY_DAYS);
        List<BounceHistory.Day> newestFirst = new ArrayList<>(bounceDays);
        Collections.reverse(newestFirst);
        return Templates.dashboard(sending.paused(), runs.recent(20), subscriberCounts(), days, emailChart(days),
                subscriberChart(days), imports.recent(10), wanted,
                wanted.isEmpty() ? Optional.empty() : history(wanted), notice, strandedSends.list(50),
                mailQueue.overview(20), newestFirst, bounceChart(bounceDays));
    }

    /** Late bounces and complaints per day, by kind, and the reports kept aside. */
    static RawString bounceChart(List<BounceHistory.Day> days) {
        return new RawString(DailyChart.bars("chart-bounces", "Bounces and complaints per day",
                days.stream().map(BounceHistory.Day::day).toList(), List.of(
                        new DailyChart.Series("Permanent", "var(--error)",
                                days.stream().map(BounceHistory.Day::permanent).toList()),
                        new DailyChart.Series("Transient", "var(--accent)",
                                days.stream().map(BounceHistory.Day::transients).toList()),
                        new DailyChart.Series("Complaints", "var(--ok)",
                                days.stream().map(BounceHistory.Day::complaints).toList()),
                        new DailyChart.Series("Kept aside", "var(--muted)",
                                days.stream().map(BounceHistory.Day::keptAside).toList()))));
    }

    static RawString emailChart(DashboardHistory.Days days) {
        List<DashboardHistory.Day> all = days.oldestFirst();
        return new RawString(DailyChart.bars("chart-emails", "Digest emails per day", days.dates(), List.of(
                new DailyChart.Series("Sent", "var(--accent)", all.stream().map(DashboardHistory.Day::sent).toList()),
                new DailyChart.Series("Failed", "var(--error)",
                        all.stream().map(DashboardHistory.Day::failed).toList()),
                new DailyChart.Series("Bounced", "var(--muted)",
                        all.stream().map(DashboardHistory.Day::suppressed).toList()))));
    }

    static RawString subscriberChart(DashboardHistory.Days days) {
        return new RawString(DailyChart.line("chart-subscribers", "Subscribers", days.dates(),
                new DailyChart.Series("Subscribers", "var(--ok)",
                        days.oldestFirst().stream().map(DashboardHistory.Day::subscribers).toList())));
    }

    /** Starts a run for today (in the digest zone) in the background: everyone due today, whatever the hour. */
    @POST
    @Path("run")
    public Response runNow(@RestHeader("Origin") String origin, @RestHeader("Referer") String referer,
            @RestHeader("Host") String host) {
        requireSameOrigin(origin, referer, host);
        LocalDate today = LocalDate.now(clock.withZone(digestConfig.zone()));
        background.submit(() -> {
            try {
                digest.run(today, RunTrigger.ADMIN);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Digest run started from the dashboard failed");
            }
        });
        return backToDashboard("Digest run for " + today + " started.");
    }

    @POST
    @Path("sending")
    public Response setSending(@RestForm boolean paused, @RestHeader("Origin") String origin,
            @RestHeader("Referer") String referer, @RestHeader("Host") String host) {
        requireSameOrigin(origin, referer, host);
        sending.setPaused(paused);
        LOG.infof("Sending %s from the admin dashboard", paused ? "paused" : "resumed");
        return backToDashboard(paused ? "All sending is paused." : "Sending resumed.");
    }

    /**
     * Forms posted with basic auth credentials the browser adds by itself could be forged by another site; a
     * browser's POST carries Origin (or at least Referer), which must be this host.
     */
    static void requireSameOrigin(String origin, String referer, String host) {
        String source = origin != null ? origin : referer;
        if (source == null || host == null) {
            throw new ForbiddenException("Missing Origin");
        }
        if (!SameOrigin.is(source, host)) {
            throw new ForbiddenException("Cross-site request refused");
        }
    }

    static Response backToDashboard(String notice) {
        return Response.seeOther(jakarta.ws.rs.core.UriBuilder.fromPath("/admin").queryParam("notice", notice).build())
                .build();
    }

    private Map<String, Long> subscriberCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ReaderStatus status : ReaderStatus.values()) {
            counts.put(status.name(), 0L);
        }
        QuarkusTransaction.requiringNew().call(() -> Reader.getEntityManager()
                .createQuery("select r.status, count(r) from Reader r group by r.status", Object[].class)
                .getResultList())
                .forEach(row -> counts.put(row[0].toString(), (Long) row[1]));
        return counts;
    }

    /** The reader of the mailbox the address reaches, however it is spelled; none for what is not an address. */
    private Optional<ReaderHistory> history(String email) {
        String address;
        try {
            address = EmailAddresses.normalize(email);
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> Reader.findByEmail(address).map(reader -> new ReaderHistory(
                reader.id, reader.email, reader.status.name(), reader.timeZone, reader.deliveryHour,
                reader.frequency.name(), reader.lastDigestDate,
                deliveryQueries.forReader(reader.id, 60).stream()
                        .map(d -> new DeliveryRow(d.digestDate, d.status.name(), d.attempts, d.sentAt, d.lastError))
                        .toList(),
                bounces.forReader(reader.id, 60))));
    }
}
