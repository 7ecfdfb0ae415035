package io.paperpost.delivery;

import java.util.function.Supplier;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

/**
 * The two parts of an email rendered from one checked template that has an {@code .html} and a {@code .txt}
 * variant (e.g. {@code templates/mail/digest.html} and {@code digest.txt}).
 */
public record MailBodies(String text, String html) {

    public static MailBodies render(Supplier<TemplateInstance> template) {
        String text = template.get().setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType("text/plain")).render();
        String html = template.get().setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(Variant.TEXT_HTML)).render();
        return new MailBodies(text, html);
    }
}
