package io.paperpost.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stores a short list of strings (topic ids, author names, categories) as one newline-separated column:
 * the lists are read whole with their row, and a column is far cheaper than a join table when a
 * nightly run streams every reader.
 */
@Converter
public class LineListConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        return values == null ? "" : String.join("\n", values);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        // An entity's list is edited in place (a steering link adds a muted author), so it must be mutable.
        return new ArrayList<>(fromColumn(column));
    }

    /** Reads a column value written by this converter, for queries that project columns directly. */
    public static List<String> fromColumn(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split("\n")).filter(s -> !s.isBlank()).toList();
    }
}
