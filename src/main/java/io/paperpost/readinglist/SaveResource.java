package io.paperpost.readinglist;

import io.paperpost.site.SiteConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The digest's "Save" link. Like the 👍 / 👎 links, opening it changes nothing (mail scanners open every link): the
 * page asks, with one button, and only its POST saves. The result page links to the list and offers an undo, another
 * POST.
 */
@Path("/save/{token}")
@Produces(MediaType.TEXT_HTML)
public class SaveResource {

    @CheckedTemplate(basePath = "readinglist")
    static class Templates {
        static native TemplateInstance save(String siteName, String paperTitle);

        static native TemplateInstance saved(String siteName, String paperTitle, boolean removed, String undoPath,
                String readingListUrl);
    }

    @Inject
    ReadingListLinks readingListLinks;
    @Inject
    ReadingListService readingList;
    @Inject
    SiteConfig site;

    @GET
    public TemplateInstance ask(@RestPath String token) {
        ReadingListLinks.Save save = readingListLinks.verifySave(token);
        return Templates.save(site.name(), readingList.paperToSave(save.readerId(), save.paperId()));
    }

    @POST
    public TemplateInstance save(@RestPath String token) {
        ReadingListLinks.Save save = readingListLinks.verifySave(token);
        String title = readingList.save(save.readerId(), save.paperId());
        return Templates.saved(site.name(), title, false, "/save/" + token + "/undo",
                readingListLinks.list(save.readerId()));
    }

    @POST
    @Path("/undo")
    public TemplateInstance undo(@RestPath String token) {
        ReadingListLinks.Save save = readingListLinks.verifySave(token);
        String title = readingList.paperToSave(save.readerId(), save.paperId());
        readingList.remove(save.readerId(), save.paperId());
        return Templates.saved(site.name(), title, true, null, readingListLinks.list(save.readerId()));
    }
}
