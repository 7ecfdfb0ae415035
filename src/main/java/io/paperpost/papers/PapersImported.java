package io.paperpost.papers;

/** Fired after an import run has committed new or changed papers, so that what follows imports need not poll. */
public record PapersImported() {
}
