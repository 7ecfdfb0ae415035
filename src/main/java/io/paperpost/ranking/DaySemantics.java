package io.paperpost.ranking;

import java.util.Arrays;

/**
 * The day's paper embeddings packed for scoring many readers: one float array for all vectors (unit length), and
 * one bit per dimension, set where the paper lies above the day's mean, as a cheap first pass.
 *
 * <p>Scoring a query against every paper exactly costs {@code papers × dimensions} multiply-adds: 768,000 for
 * 2,000 papers, far too many for 30,000 readers a second on two cores. So the bits choose the papers worth an exact
 * cosine (the {@link #shortlist(int)} nearest by Hamming distance), and the others count as not close at all.
 * Centring on the day's mean matters: the embeddings share a common direction, and the raw signs say little
 * about it. Float rather than byte arithmetic for the exact part: the JIT keeps four to eight float products in
 * flight, 0.4–0.6 ns per multiply-add here against 1.0–1.4 ns for bytes widened to ints (docs/benchmarks.md).
 * Immutable.
 */
final class DaySemantics {

    static final int EXPANSION_DOCS = 3;

    private final int count;
    private final int dimensions;
    private final int words;
    private final float[] values;
    private final float[] mean;
    private final long[] bits;
    private final boolean[] present;
    private final int presentCount;

    DaySemantics(CandidatePaper[] papers) {
        this.count = papers.length;
        int dims = 0;
        for (CandidatePaper paper : papers) {
            if (paper.meaning() != null) {
                dims = paper.meaning().dimensions();
                break;
            }
        }
        this.dimensions = dims;
        this.words = (dims + 63) / 64;
        this.values = new float[count * dims];
        this.mean = new float[dims];
        this.bits = new long[count * words];
        this.present = new boolean[count];
        int n = 0;
        for (int d = 0; d < count; d++) {
            SemanticVector v = papers[d].meaning();
            if (v == null || v.dimensions() != dims) {
                continue;
            }
            v.copyInto(values, d * dims);
            for (int i = 0; i < dims; i++) {
                mean[i] += values[d * dims + i];
            }
            present[d] = true;
            n++;
        }
        this.presentCount = n;
        for (int i = 0; i < dims && n > 0; i++) {
            mean[i] /= n;
        }
        for (int d = 0; d < count; d++) {
            if (present[d]) {
                centredBits(values, d * dims, bits, d * words);
            }
        }
    }

    boolean isEmpty() {
        return presentCount == 0;
    }

    /** Whether the query can be compared with this day's vectors. */
    boolean accepts(SemanticVector query) {
        return query != null && presentCount > 0 && query.dimensions() == dimensions;
    }

    /** How many papers get an exact cosine per query: a twentieth of the day, at least 64, at most 128. */
    static int shortlist(int papers) {
        return Math.min(papers, Math.max(64, Math.min(128, papers / 20)));
    }

    /**
     * The shortlisted papers' cosines with {@code query}, docs ascending; every other doc counts as not close.
     * {@code hamming} is scratch space of at least {@link #size()} ints.
     */
    Matches nearest(SemanticVector query, int[] hamming) {
        if (!accepts(query)) {
            return Matches.NONE;
        }
        float[] q = new float[dimensions];
        query.copyInto(q, 0);
        return nearest(q, hamming);
    }

    private Matches nearest(float[] q, int[] hamming) {
        long[] qBits = new long[words];
        centredBits(q, 0, qBits, 0);
        int worst = dimensions + 1;
        int[] histogram = new int[dimensions + 2];
        for (int d = 0; d < count; d++) {
            int h = worst;
            if (present[d]) {
                h = 0;
                int base = d * words;
                for (int w = 0; w < words; w++) {
                    h += Long.bitCount(qBits[w] ^ bits[base + w]);
                }
            }
            hamming[d] = h;
            histogram[h]++;
        }
        int keep = Math.min(shortlist(count), presentCount);
        int limit = cutoff(histogram, keep);
        int[] docs = new int[keep];
        float[] cosines = new float[keep];
        int n = 0;
        for (int d = 0; d < count && n < keep; d++) {
            if (hamming[d] <= limit) {
                docs[n] = d;
                cosines[n++] = dot(q, values, d * dimensions, dimensions);
            }
        }
        return new Matches(docs, cosines, n);
    }

    /**
     * Like {@link #nearest}, after moving the query toward its {@value #EXPANSION_DOCS} nearest papers by
     * {@code weight} (pseudo-relevance feedback, as Rocchio did for words). 0 = no expansion, one pass. The
     * moved query's cosines are higher across the board, so whether a paper is close enough to be picked on
     * meaning alone is read from the first pass, whose cosines the threshold was calibrated on.
     */
    Expanded nearestExpanded(SemanticVector query, double weight, int[] hamming) {
        Matches first = nearest(query, hamming);
        if (weight <= 0 || first.size() < EXPANSION_DOCS) {
            return new Expanded(first, first);
        }
        int[] best = new int[EXPANSION_DOCS];
        float[] bestCosine = new float[EXPANSION_DOCS];
        Arrays.fill(bestCosine, -2f);
        for (int i = 0; i < first.size(); i++) {
            float c = first.cosines()[i];
            for (int k = 0; k < EXPANSION_DOCS; k++) {
                if (c > bestCosine[k]) {
                    System.arraycopy(bestCosine, k, bestCosine, k + 1, EXPANSION_DOCS - k - 1);
                    System.arraycopy(best, k, best, k + 1, EXPANSION_DOCS - k - 1);
                    bestCosine[k] = c;
                    best[k] = first.docs()[i];
                    break;
                }
            }
        }
        float[] moved = new float[dimensions];
        query.copyInto(moved, 0);
        double share = weight / EXPANSION_DOCS;
        for (int d : best) {
            for (int i = 0; i < dimensions; i++) {
                moved[i] += (float) (share * values[d * dimensions + i]);
            }
        }
        double norm = 0;
        for (float x : moved) {
            norm += (double) x * x;
        }
        float unit = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimensions; i++) {
            moved[i] *= unit;
        }
        return new Expanded(first, nearest(moved, hamming));
    }

    int size() {
        return count;
    }

    /** The query's own nearest papers, and those of the query moved toward them (scored). */
    record Expanded(Matches own, Matches moved) {
    }

    /** A query's shortlisted docs (ascending) and their cosines; the first {@code size} entries count. */
    record Matches(int[] docs, float[] cosines, int size) {
        static final Matches NONE = new Matches(new int[0], new float[0], 0);
    }

    /** The largest distance still inside the {@code keep} nearest. */
    private int cutoff(int[] histogram, int keep) {
        int seen = 0;
        for (int h = 0; h <= dimensions; h++) {
            seen += histogram[h];
            if (seen >= keep) {
                return h;
            }
        }
        return dimensions;
    }

    private void centredBits(float[] v, int offset, long[] into, int intoOffset) {
        for (int i = 0; i < dimensions; i++) {
            if (v[offset + i] > mean[i]) {
                into[intoOffset + (i >>> 6)] |= 1L << (i & 63);
            }
        }
    }

    /** Eight accumulators: the JIT does not vectorize a float sum, but it overlaps independent ones. */
    private static float dot(float[] q, float[] v, int offset, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            s0 += q[i] * v[offset + i];
            s1 += q[i + 1] * v[offset + i + 1];
            s2 += q[i + 2] * v[offset + i + 2];
            s3 += q[i + 3] * v[offset + i + 3];
            s4 += q[i + 4] * v[offset + i + 4];
            s5 += q[i + 5] * v[offset + i + 5];
            s6 += q[i + 6] * v[offset + i + 6];
            s7 += q[i + 7] * v[offset + i + 7];
        }
        for (; i < n; i++) {
            s0 += q[i] * v[offset + i];
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    }
}
