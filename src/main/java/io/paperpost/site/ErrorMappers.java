package io.paperpost.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns failures into answers a person can read: JSON {@link ApiError}s under {@code /api}, an HTML page
 * elsewhere. Stack traces go to the log only.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @CheckedTemplate(basePath = "site")
    static class Templates {
        static native TemplateInstance error(String title, String message);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return respond(uri, Response.Status.BAD_REQUEST, "That did not work", e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response invalidLink(InvalidLinkException e, UriInfo uri) {
        return respond(uri, Response.Status.NOT_FOUND, "This link is not valid",
                "The link may be incomplete, expired or already used. If you copied it from an email, make sure you "
                        + "copied all of it. You can always sign up again from the home page.",
                null);
    }

    @ServerExceptionMapper
    public Response rejected(RejectedRequestException e, UriInfo uri) {
        return e.withRetryAfter(respond(uri, e.status(), e.title(), e.getMessage(), e.field()));
    }

    /** A JSON body that does not parse, or has a value of the wrong type: names the field when Jackson knows it. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
        }
        return respond(uri, Response.Status.BAD_REQUEST, "That did not work",
                field == null
                        ? "The request body is not valid JSON."
                        : "The value of '" + field + "' has the wrong type.",
                field);
    }

    /** Jackson's "wrong type" failure, which Quarkus would otherwise answer in its own shape. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        if (original.getStatus() == Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode()) {
            return respond(uri, Response.Status.UNSUPPORTED_MEDIA_TYPE, "That did not work",
                    "Send the request body with the Content-Type this endpoint takes: application/json "
                            + "(application/x-ndjson for paper imports, text/csv or text/plain for reader imports, "
                            + "message/rfc822 for bounces).",
                    null);
        }
        if (original.getStatus() < 500) {
            String message = e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                    ? Response.Status.fromStatusCode(original.getStatus()) + ""
                    : e.getMessage();
            return respond(uri, Response.Status.fromStatusCode(original.getStatus()), "That did not work", message,
                    null);
        }
        return unexpected(e, uri);
    }

    /** The client went away while its request body was being read: nobody to answer, nothing went wrong here. */
    @ServerExceptionMapper
    public Response connectionClosed(IOException e, UriInfo uri) {
        if (e instanceof ClosedChannelException || e.getCause() instanceof ClosedChannelException) {
            LOG.debugf("Client closed the connection during %s", uri.getPath());
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(uri, Response.Status.INTERNAL_SERVER_ERROR, "Something went wrong on our side",
                "The problem was logged. Please try again in a few minutes.", null);
    }

    static Response respond(UriInfo uri, Response.StatusType status, String title, String message, String field) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message, field))
                    .build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(title, message).render()).build();
    }
}
