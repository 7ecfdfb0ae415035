package io.paperpost.readinglist;

import io.paperpost.site.InvalidInputException;
import io.paperpost.site.Links;
import io.paperpost.site.RejectedRequestException;
import io.paperpost.site.SiteConfig;
import io.paperpost.subscription.FormGuard;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.SubscriptionService;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The reader's reading list behind their signed link: the saved papers, newest first, each with forms to mark it
 * read or unread, keep a note, or remove it. Every form carries a signed form token for this reader (anti-forgery),
 * as on the preferences page.
 */
@Path("/reading-list/{token}")
@Produces(MediaType.TEXT_HTML)
public class ReadingListResource {

    @CheckedTemplate(basePath = "readinglist")
    static class Templates {
        static native TemplateInstance list(String siteName, List<SavedPaper> entries, String pagePath,
                String formToken, String notice, String error, NoteError noteError, String preferencesUrl);
    }

    /** A refused note: which entry, why, and what was typed (shown again in its field). */
    public record NoteError(String paperId, String message, String typed) {
        static final NoteError NONE = new NoteError(null, null, null);

        public boolean isFor(String entryPaperId) {
            return paperId != null && paperId.equals(entryPaperId);
        }
    }

    /** The forms of this page, in their form tokens. */
    static final String FORM = "reading-list";

    @Inject
    SubscriptionService subscriptions;
    @Inject
    ReadingListService readingList;
    @Inject
    FormGuard forms;
    @Inject
    ReaderTokens tokens;
    @Inject
    Links links;
    @Inject
    SiteConfig site;

    @GET
    public TemplateInstance show(@RestPath String token) {
        return page(reader(token), token, null, null, null);
    }

    @POST
    @Path("/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@RestPath String token, @RestForm String paper, @RestForm(FormGuard.FIELD) String formToken,
            @RestHeader("Origin") String origin, @RestHeader("Host") String host) {
        return change(token, formToken, origin, host, reader -> {
            readingList.remove(reader.id, paper);
            return "Removed from your reading list.";
        });
    }

    @POST
    @Path("/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markRead(@RestPath String token, @RestForm String paper, @RestForm String read,
            @RestForm(FormGuard.FIELD) String formToken, @RestHeader("Origin") String origin,
            @RestHeader("Host") String host) {
        return change(token, formToken, origin, host, reader -> {
            boolean isRead = !"false".equals(read);
            readingList.markRead(reader.id, paper, isRead);
            return isRead ? "Marked as read." : "Marked as unread.";
        });
    }

    @POST
    @Path("/note")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@RestPath String token, @RestForm String paper, @RestForm String note,
            @RestForm(FormGuard.FIELD) String formToken, @RestHeader("Origin") String origin,
            @RestHeader("Host") String host) {
        Reader reader = reader(token);
        try {
            forms.check(FORM, reader.id, formToken, origin, host, null);
            readingList.note(reader.id, paper, note);
        } catch (RejectedRequestException e) {
            return Response.status(e.status()).entity(page(reader, token, null, e.getMessage(), null)).build();
        } catch (InvalidInputException e) {
            NoteError refused = "note".equals(e.field()) ? new NoteError(paper, e.getMessage(), note) : null;
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(reader, token, null, refused == null ? e.getMessage() : null, refused)).build();
        }
        return Response.ok(page(reader, token, note == null || note.isBlank() ? "Note removed." : "Note saved.", null,
                null)).build();
    }

    /** BibTeX, for LaTeX, JabRef and Zotero. Read only, so a GET. */
    @GET
    @Path("/export.bib")
    @Produces("application/x-bibtex; charset=utf-8")
    public Response exportBibTeX(@RestPath String token) {
        return download(BibTeXExport.write(stored(token)), "bib");
    }

    /** RIS, for Zotero, EndNote and Mendeley. */
    @GET
    @Path("/export.ris")
    @Produces("application/x-research-info-systems; charset=utf-8")
    public Response exportRis(@RestPath String token) {
        return download(RisExport.write(stored(token)), "ris");
    }

    /** CSL-JSON, for citeproc-based tools (Pandoc, Zotero). */
    @GET
    @Path("/export.json")
    @Produces(CslJsonExport.MEDIA_TYPE)
    public Response exportCslJson(@RestPath String token) {
        return download(CslJsonExport.write(stored(token)), "json");
    }

    /** The saved papers still stored, for the exports: an entry whose paper is gone has nothing to cite. */
    private List<SavedPaper> stored(String token) {
        return readingList.list(reader(token).id).stream().filter(e -> !e.gone()).toList();
    }

    private static Response download(String body, String extension) {
        return Response.ok(body).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"paperpost-reading-list." + extension + "\"").build();
    }

    /** One change of a form of the page: the page again with what happened, or why it was refused. */
    private Response change(String token, String formToken, String origin, String host,
            Function<Reader, String> action) {
        Reader reader = reader(token);
        try {
            forms.check(FORM, reader.id, formToken, origin, host, null);
            return Response.ok(page(reader, token, action.apply(reader), null, null)).build();
        } catch (RejectedRequestException e) {
            return Response.status(e.status()).entity(page(reader, token, null, e.getMessage(), null)).build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(reader, token, null, e.getMessage(), null))
                    .build();
        }
    }

    private Reader reader(String token) {
        return subscriptions.readerFor(token, TokenPurpose.READING_LIST);
    }

    private TemplateInstance page(Reader reader, String token, String notice, String error, NoteError noteError) {
        return Templates.list(site.name(), readingList.list(reader.id), "/reading-list/" + token,
                forms.issue(FORM, reader.id), notice, error, noteError == null ? NoteError.NONE : noteError,
                links.preferences(tokens.issue(TokenPurpose.MANAGE, reader.id)));
    }
}
