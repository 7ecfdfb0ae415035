package io.paperpost.papers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled demo data follows the title-key rule, so a paper without an id gets the key the sample gives it. */
class SampleDataKeysTest {

    @Test
    void everySampleKeyIsTheHashOfItsNormalizedTitle() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> mismatches = new ArrayList<>();
        int lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("demo/sample-papers.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode paper = json.readTree(line);
                lines++;
                if (!PaperKeys.fromTitle(paper.get("title").asText()).equals(paper.get("key").asText())) {
                    mismatches.add(paper.get("key").asText());
                }
            }
        }
        assertThat(lines).isEqualTo(281);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void punctuationAndCaseDoNotChangeTheKey() {
        assertThat(PaperKeys.fromTitle("Block-wise Adaptive Caching for Accelerating Diffusion Policy"))
                .isEqualTo("t-8f0bf75574b4")
                .isEqualTo(PaperKeys.fromTitle("  block wise adaptive caching, for accelerating diffusion policy!"));
    }
}
