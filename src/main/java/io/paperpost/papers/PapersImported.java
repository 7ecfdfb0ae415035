package io.paperpost.papers;

/** Fired after an import run has committed its papers, so that what follows imports (embedding) need not poll. */
public record PapersImported(String source, int added, int updated) {
}
