package io.paperpost.ranking;

import java.util.Arrays;

/**
 * The best {@code capacity} (doc, score) pairs seen so far: a bounded min-heap, so offering a paper that cannot
 * make the list costs one comparison. Docs are offered in increasing order and a later doc never displaces an
 * equal score, so ties go to the lower doc number (the lower paper id) and results are deterministic.
 */
final class TopK {

    private final int[] docs;
    /** {@code scores[0]} is the worst kept score once the heap is full; the hot loop reads it directly. */
    final double[] scores;
    int size;

    TopK(int capacity) {
        docs = new int[capacity];
        scores = new double[capacity];
    }

    void offer(int doc, double score) {
        if (size < docs.length) {
            docs[size] = doc;
            scores[size] = score;
            size++;
            if (size == docs.length) {
                // heapify once full
                for (int i = size / 2 - 1; i >= 0; i--) {
                    siftDown(i);
                }
            }
        } else if (score > scores[0]) {
            docs[0] = doc;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** min-heap on score, then on doc descending (a later doc loses a tie) */
    private boolean less(int i, int j) {
        return scores[i] < scores[j] || (scores[i] == scores[j] && docs[i] > docs[j]);
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && less(l, m)) {
                m = l;
            }
            if (r < size && less(r, m)) {
                m = r;
            }
            if (m == i) {
                return;
            }
            int td = docs[i];
            docs[i] = docs[m];
            docs[m] = td;
            double ts = scores[i];
            scores[i] = scores[m];
            scores[m] = ts;
            i = m;
        }
    }

    /** Best first; equal scores by doc number, which follows the paper id. */
    int[] sorted() {
        int[] d = Arrays.copyOf(docs, size);
        double[] sc = Arrays.copyOf(scores, size);
        for (int i = 1; i < size; i++) {
            int doc = d[i];
            double score = sc[i];
            int j = i - 1;
            while (j >= 0 && (sc[j] < score || (sc[j] == score && d[j] > doc))) {
                d[j + 1] = d[j];
                sc[j + 1] = sc[j];
                j--;
            }
            d[j + 1] = doc;
            sc[j + 1] = score;
        }
        return d;
    }
}
