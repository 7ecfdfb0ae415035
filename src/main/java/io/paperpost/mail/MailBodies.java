package io.paperpost.mail;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import java.util.function.Supplier;

/**
 * The two parts of an email rendered from one checked template that has an {@code .html} and a {@code .txt}
 * variant (e.g. {@code templates/mail/digest.html} and {@code digest.txt}).
 */
public record MailBodies(String text, String html) {

    private static final Variant TEXT = Variant.forContentType("text/plain");

    public static MailBodies render(Supplier<TemplateInstance> template) {
        String text = renderText(template.get());
        String html = template.get()
                .setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(Variant.TEXT_HTML)).render();
        return new MailBodies(text, html);
    }

    /** Only the plain-text variant, for text-only emails. */
    public static String renderText(TemplateInstance template) {
        return template.setAttribute(TemplateInstance.SELECTED_VARIANT, TEXT).render();
    }
}
