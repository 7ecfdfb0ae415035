package io.paperpost.admin;

import io.paperpost.digest.DigestConfig;
import io.paperpost.digest.DigestService;
import io.paperpost.digest.DigestSummary;
import io.paperpost.mail.MailConfig;
import io.paperpost.mail.MailSender;
import io.paperpost.mail.OutboxResource;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The dev outbox page's "send today's digest" button. It lives here, above digest, rather than beside the outbox
 * page: the sending edge must not depend on the digest that uses it. Only while mail goes to the outbox.
 */
@Path("/dev/outbox/digest")
public class OutboxDigestResource {

    @Inject
    MailSender sender;
    @Inject
    MailConfig config;
    @Inject
    DigestService digest;
    @Inject
    DigestConfig digestConfig;
    @Inject
    Clock clock;

    @POST
    public Response sendTodaysDigest() {
        OutboxResource.outbox(sender, config);
        DigestSummary summary = digest.run(LocalDate.now(clock.withZone(digestConfig.zone())));
        String notice = "Digest for " + summary.date() + ": " + summary.sent() + " sent, " + summary.skipped()
                + " skipped, " + summary.failed() + " failed (" + summary.readers() + " readers due).";
        return Response.seeOther(UriBuilder.fromPath("/dev/outbox").queryParam("notice", notice).build()).build();
    }
}
