package io.paperpost.ranking;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns text into stemmed terms without stop words, with Lucene's English analyzer (standard tokenizer,
 * possessive removal, lower case, English stop words, Porter stemmer). Thread-safe: Lucene analyzers keep
 * their per-thread state themselves.
 */
public final class TextAnalyzer {

    /** One analyzed word: its stemmed term and where it stood in the original text. */
    public record Token(String term, int start, int end) {
    }

    private final Analyzer analyzer = new EnglishAnalyzer();

    /** The text's terms in order, stemmed, lower-cased, stop words removed. */
    public List<String> terms(String text) {
        List<Token> tokens = tokens(text);
        List<String> terms = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            terms.add(token.term());
        }
        return terms;
    }

    /** Like {@link #terms} but keeps each term's character offsets, to quote the original words back. */
    public List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = analyzer.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        return tokens;
    }
}
