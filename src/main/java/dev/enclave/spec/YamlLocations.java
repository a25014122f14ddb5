package dev.enclave.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and list item of a YAML document sits, by dotted path ({@code training.epochs},
 * {@code data.labels[2]}). Jackson reports errors in records at the end of the enclosing object; this index lets
 * messages point at the key itself.
 */
final class YamlLocations {
    private final Map<String, JsonLocation> byPath = new HashMap<>();
    private final Deque<String> containers = new ArrayDeque<>();
    private final Deque<Integer> nextIndex = new ArrayDeque<>();
    private String pendingKey;

    private YamlLocations() {}

    /** Indexes {@code yaml}; a document that does not parse gives a partial index (the parse error is reported). */
    static YamlLocations of(String yaml) {
        YamlLocations index = new YamlLocations();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                index.accept(token, parser);
            }
        } catch (IOException e) {
            return index;
        }
        return index;
    }

    /** The location of the key or item at {@code path}, or null. */
    JsonLocation at(String path) {
        return byPath.get(path);
    }

    private void accept(JsonToken token, JsonParser parser) throws IOException {
        switch (token) {
            case FIELD_NAME -> {
                pendingKey = join(containers.isEmpty() ? "" : containers.peek(), parser.currentName());
                byPath.put(pendingKey, parser.currentTokenLocation());
            }
            case START_OBJECT, START_ARRAY -> {
                String path = valuePath(parser);
                containers.push(path);
                nextIndex.push(token == JsonToken.START_ARRAY ? 0 : -1);
            }
            case END_OBJECT, END_ARRAY -> {
                containers.pop();
                nextIndex.pop();
                advanceIndex();
            }
            default -> {
                valuePath(parser);
                advanceIndex();
            }
        }
    }

    /** The path of the value starting at the current token; list items are indexed here. */
    private String valuePath(JsonParser parser) {
        String key = pendingKey;
        pendingKey = null;
        if (key != null) {
            return key;
        }
        if (!nextIndex.isEmpty() && nextIndex.peek() >= 0) {
            String path = containers.peek() + "[" + nextIndex.peek() + "]";
            byPath.put(path, parser.currentTokenLocation());
            return path;
        }
        return "";
    }

    private void advanceIndex() {
        if (!nextIndex.isEmpty() && nextIndex.peek() >= 0) {
            nextIndex.push(nextIndex.pop() + 1);
        }
    }

    private static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }
}
