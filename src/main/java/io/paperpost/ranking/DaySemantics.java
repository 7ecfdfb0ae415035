package io.paperpost.ranking;

/**
 * The day's paper embeddings packed for scoring many readers: one byte array for all vectors, and one sign bit
 * per dimension (six longs for 384 dimensions) as a cheap first pass.
 *
 * <p>Scoring a query against every paper exactly costs {@code papers × dimensions} multiply-adds: 768,000 for
 * 2,000 papers, far too many for 30,000 readers a second on two cores. So the sign bits choose the papers
 * worth an exact cosine (the {@link #shortlist(int)} nearest by Hamming distance), and the others count as not
 * close at all. Measured on the evaluation corpus: the exact top 10 by cosine lies inside the Hamming shortlist
 * for all but a few queries (docs/ranking.md). Immutable.
 */
final class DaySemantics {

    /** No paper of the day has a vector (semantic scoring is off, or the model has not run yet). */
    static final DaySemantics NONE = new DaySemantics(new CandidatePaper[0]);

    private final int count;
    private final int dimensions;
    private final int words;
    private final byte[] values;
    private final float[] scales;
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
        this.values = new byte[count * dims];
        this.scales = new float[count];
        this.bits = new long[count * words];
        this.present = new boolean[count];
        int n = 0;
        for (int d = 0; d < count; d++) {
            SemanticVector v = papers[d].meaning();
            if (v == null || v.dimensions() != dims) {
                continue;
            }
            System.arraycopy(v.values(), 0, values, d * dims, dims);
            scales[d] = v.scale();
            signBits(v.values(), bits, d * words);
            present[d] = true;
            n++;
        }
        this.presentCount = n;
    }

    boolean isEmpty() {
        return presentCount == 0;
    }

    /** Whether the query can be compared with this day's vectors. */
    boolean accepts(SemanticVector query) {
        return query != null && presentCount > 0 && query.dimensions() == dimensions;
    }

    /** How many papers get an exact cosine per query: a tenth of the day, at least 64, at most 256. */
    static int shortlist(int papers) {
        return Math.min(papers, Math.max(64, Math.min(256, papers / 10)));
    }

    /**
     * The shortlisted papers' cosines with {@code query}, docs ascending; every other doc counts as not close.
     * {@code hamming} is scratch space of at least {@link #size()} ints.
     */
    Matches nearest(SemanticVector query, int[] hamming) {
        if (!accepts(query)) {
            return Matches.NONE;
        }
        long[] q = new long[words];
        signBits(query.values(), q, 0);
        int worst = dimensions + 1;
        for (int d = 0; d < count; d++) {
            if (!present[d]) {
                hamming[d] = worst;
                continue;
            }
            int h = 0;
            int base = d * words;
            for (int w = 0; w < words; w++) {
                h += Long.bitCount(q[w] ^ bits[base + w]);
            }
            hamming[d] = h;
        }
        int keep = Math.min(shortlist(count), presentCount);
        int limit = hammingCutoff(hamming, keep);
        int[] docs = new int[keep];
        float[] cosines = new float[keep];
        int n = 0;
        byte[] qv = query.values();
        float qs = query.scale();
        for (int d = 0; d < count && n < keep; d++) {
            if (hamming[d] <= limit) {
                docs[n] = d;
                cosines[n++] = SemanticVector.dot(qv, 0, values, d * dimensions, dimensions) * qs * scales[d];
            }
        }
        return new Matches(docs, cosines, n);
    }

    /**
     * Like {@link #nearest}, after moving the query toward its {@value #EXPANSION_DOCS} nearest papers by
     * {@code weight} (pseudo-relevance feedback, as Rocchio did for words): a reader's plain words ("making GPU code
     * run faster") land among the papers' own vocabulary. 0 = no expansion.
     */
    Matches nearestExpanded(SemanticVector query, double weight, int[] hamming) {
        Matches first = nearest(query, hamming);
        if (weight <= 0 || first.size() < EXPANSION_DOCS) {
            return first;
        }
        int[] best = new int[EXPANSION_DOCS];
        float[] bestCosine = new float[EXPANSION_DOCS];
        java.util.Arrays.fill(bestCosine, -2f);
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
        byte[] qv = query.values();
        for (int i = 0; i < dimensions; i++) {
            moved[i] = qv[i] * query.scale();
        }
        double share = weight / EXPANSION_DOCS;
        for (int d : best) {
            for (int i = 0; i < dimensions; i++) {
                moved[i] += (float) (share * values[d * dimensions + i] * scales[d]);
            }
        }
        return nearest(SemanticVector.of(moved), hamming);
    }

    static final int EXPANSION_DOCS = 3;

    int size() {
        return count;
    }

    /** A query's shortlisted docs (ascending) and their cosines; the first {@code size} entries count. */
    record Matches(int[] docs, float[] cosines, int size) {
        static final Matches NONE = new Matches(new int[0], new float[0], 0);
    }

    /** The largest distance still inside the {@code keep} nearest, by a counting pass (distances are small ints). */
    private int hammingCutoff(int[] hamming, int keep) {
        int[] histogram = new int[dimensions + 2];
        for (int d = 0; d < count; d++) {
            histogram[hamming[d]]++;
        }
        int seen = 0;
        for (int h = 0; h <= dimensions; h++) {
            seen += histogram[h];
            if (seen >= keep) {
                return h;
            }
        }
        return dimensions;
    }

    private static void signBits(byte[] v, long[] into, int offset) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0) {
                into[offset + (i >>> 6)] |= 1L << (i & 63);
            }
        }
    }
}
