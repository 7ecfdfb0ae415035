package io.paperpost.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SemanticVectorTest {

    static float[] random(Random random, int dims) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    static double floatCosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void theQuantizedCosineStaysWithinAHundredthOfTheFloatOne() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            float[] a = random(random, 384);
            float[] b = random(random, 384);
            for (int j = 0; j < 384; j++) {
                b[j] = a[j] * 0.6f + b[j] * 0.4f;
            }
            assertEquals(floatCosine(a, b), SemanticVector.of(a).cosine(SemanticVector.of(b)), 0.01);
        }
    }

    @Test
    void aVectorIsCloseToItselfAndSurvivesItsStoredForm() {
        SemanticVector v = SemanticVector.of(random(new Random(1), 384));
        assertEquals(1.0, v.cosine(v), 0.005);
        byte[] stored = v.toBytes();
        assertEquals(388, stored.length);
        SemanticVector back = SemanticVector.fromBytes(stored);
        assertArrayEquals(stored, back.toBytes());
        assertNull(SemanticVector.fromBytes(null));
    }

    @Test
    void vectorsWithoutADirectionOrOfAnotherModelAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SemanticVector.of(new float[384]));
        assertThrows(IllegalArgumentException.class, () -> SemanticVector.of(new float[0]));
        assertThrows(IllegalArgumentException.class, () -> SemanticVector.fromBytes(new byte[3]));
        SemanticVector a = SemanticVector.of(new float[]{1, 0, 0});
        SemanticVector b = SemanticVector.of(new float[]{1, 0});
        assertThrows(IllegalArgumentException.class, () -> a.cosine(b));
    }

    @Test
    void theCentroidPointsBetweenItsVectors() {
        SemanticVector x = SemanticVector.of(new float[]{1, 0, 0});
        SemanticVector y = SemanticVector.of(new float[]{0, 1, 0});
        SemanticVector mid = SemanticVector.centroid(List.of(x, y));
        assertEquals(Math.sqrt(0.5), mid.cosine(x), 0.01);
        assertEquals(Math.sqrt(0.5), mid.cosine(y), 0.01);
        assertNull(SemanticVector.centroid(List.of()));
        assertTrue(SemanticVector.centroid(List.of(x)).cosine(x) > 0.99);
    }
}
