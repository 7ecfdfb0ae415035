package io.paperpost.embedding;

import io.paperpost.ranking.SemanticVector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Several vectors in one column: a count, then each vector's length and {@link SemanticVector#toBytes()}. */
public final class StoredVectors {

    private StoredVectors() {
    }

    public static byte[] encode(List<SemanticVector> vectors) {
        List<byte[]> parts = vectors.stream().map(SemanticVector::toBytes).toList();
        ByteBuffer out = ByteBuffer.allocate(Integer.BYTES * (1 + parts.size())
                + parts.stream().mapToInt(p -> p.length).sum());
        out.putInt(parts.size());
        for (byte[] part : parts) {
            out.putInt(part.length).put(part);
        }
        return out.array();
    }

    /** The vectors, or null for null or for bytes that are not such a list (the caller embeds again). */
    public static List<SemanticVector> decode(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(stored);
            int count = in.getInt();
            if (count < 0 || count > 64) {
                return null;
            }
            List<SemanticVector> vectors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] part = new byte[in.getInt()];
                in.get(part);
                vectors.add(SemanticVector.fromBytes(part));
            }
            return in.hasRemaining() ? null : vectors;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
