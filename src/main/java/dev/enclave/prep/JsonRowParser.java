package dev.enclave.prep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one JSON Lines line into the values of the role columns (id, group, text, label), or into the reason it cannot
 * be used: bytes that are not UTF-8, a line that is not one JSON value ({@link QuarantineReason#MALFORMED_JSON}, with
 * Jackson's column), a value that is not an object, a role field holding an object or an array. Numbers and booleans
 * are taken as their JSON text; an absent field or {@code null} is an empty value, which {@link RowRules} judges.
 */
final class JsonRowParser implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] keys;
    private transient ObjectMapper mapper;

    /** {@code keys}: the JSON keys of id, group, text and label (null when there is no label). */
    JsonRowParser(String[] keys) {
        this.keys = keys.clone();
    }

    CsvRowParser.Parsed parse(byte[] line) {
        String text;
        try {
            text = CsvRowParser.decodeStrict(line);
        } catch (CharacterCodingException e) {
            return CsvRowParser.Parsed.rejected(QuarantineReason.INVALID_UTF8, "bytes that are not valid UTF-8");
        }
        JsonNode node;
        try {
            node = mapper().readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            return CsvRowParser.Parsed.rejected(QuarantineReason.MALFORMED_JSON, "not valid JSON"
                    + (at == null ? "" : " at column " + at.getColumnNr()));
        }
        if (node == null || !node.isObject()) {
            return CsvRowParser.Parsed.rejected(QuarantineReason.NOT_A_JSON_OBJECT, "the line holds a JSON "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    + ", not an object");
        }
        List<String> values = new ArrayList<>(keys.length);
        for (String key : keys) {
            JsonNode value = key == null ? null : node.get(key);
            if (value == null || value.isNull()) {
                values.add(null);
            } else if (value.isContainerNode()) {
                return CsvRowParser.Parsed.rejected(QuarantineReason.WRONG_FIELD_TYPE, "field '" + key + "' holds "
                        + (value.isArray() ? "an array" : "an object") + ", not a string");
            } else {
                values.add(value.asText());
            }
        }
        return new CsvRowParser.Parsed(values, null, null);
    }

    private ObjectMapper mapper() {
        if (mapper == null) {
            mapper = new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        }
        return mapper;
    }
}
