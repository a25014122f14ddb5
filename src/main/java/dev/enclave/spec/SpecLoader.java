package dev.enclave.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.enclave.EnclaveException;
import dev.enclave.util.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads a pipeline spec from YAML into a {@link PipelineSpec}. Every problem becomes one {@link EnclaveException} whose
 * message reads {@code FILE:LINE:COLUMN: FIELD: what is wrong}; an unknown key comes with the nearest valid key.
 */
public final class SpecLoader {
    private static final ObjectMapper MAPPER = YAMLMapper.builder(
                    YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private SpecLoader() {}

    /** Loads and validates the spec in {@code file}. */
    public static LoadedSpec load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw EnclaveException.badInput(file + ": spec file not found");
        } catch (IOException e) {
            throw EnclaveException.badInput(file + ": cannot read spec file (" + e.getClass().getSimpleName() + ")", e);
        }
        return parse(file, yaml);
    }

    /** Parses spec text; {@code file} only names the source in messages. */
    public static LoadedSpec parse(Path file, String yaml) {
        PipelineSpec spec;
        try {
            spec = MAPPER.readValue(yaml, PipelineSpec.class);
        } catch (JsonProcessingException e) {
            throw EnclaveException.badInput(describe(file, yaml, e), e);
        }
        if (spec == null) {
            throw EnclaveException.badInput(file + ": spec file is empty");
        }
        String resolved = write(spec);
        return new LoadedSpec(spec, file, resolved, Hashing.sha256Hex(resolved.getBytes(StandardCharsets.UTF_8)));
    }

    /** The spec as YAML with every default written out: what a run actually used. */
    public static String write(PipelineSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw EnclaveException.internal("cannot write spec as YAML", e);
        }
    }

    private static String describe(Path file, String yaml, JsonProcessingException e) {
        YamlLocations locations = YamlLocations.of(yaml);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String parent = fieldPath(unknown, 1);
            String path = join(parent, unknown.getPropertyName());
            return where(file, locations.at(path), e) + ": unknown field '" + unknown.getPropertyName() + "'"
                    + (parent.isEmpty() ? "" : " in " + parent)
                    + nearest(unknown.getPropertyName(), unknown.getKnownPropertyIds());
        }
        if (e instanceof ValueInstantiationException invalid && invalid.getCause() instanceof IllegalArgumentException bad) {
            String parent = fieldPath(invalid, 0);
            String path = bad instanceof SpecFieldException field ? join(parent, field.field()) : parent;
            JsonLocation at = locations.at(path) != null ? locations.at(path) : locations.at(parent);
            return where(file, at, e) + ": " + (parent.isEmpty() ? "" : parent + ": ") + bad.getMessage();
        }
        if (e instanceof JsonMappingException mapping) {
            String path = fieldPath(mapping, 0);
            return where(file, locations.at(path), e) + ": " + (path.isEmpty() ? "" : path + ": ")
                    + firstLine(mapping.getOriginalMessage());
        }
        return where(file, null, e) + ": not valid YAML: " + firstLine(e.getOriginalMessage());
    }

    /** {@code FILE:LINE:COLUMN} from the key's own location when known, else from where Jackson stopped. */
    private static String where(Path file, JsonLocation key, JsonProcessingException e) {
        JsonLocation at = key != null ? key : e.getLocation();
        return at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
    }

    private static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The dotted path of the field the error sits at, leaving out the last {@code dropLast} steps. */
    private static String fieldPath(JsonMappingException e, int dropLast) {
        var steps = e.getPath();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < steps.size() - dropLast; i++) {
            var step = steps.get(i);
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String nearest(String key, Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        var names = known.stream().map(Objects::toString).sorted().toList();
        String best = names.stream().min(Comparator.comparingInt(name -> EditDistance.between(key, name))).orElseThrow();
        String suggestion = EditDistance.between(key, best) <= Math.max(2, key.length() / 3)
                ? "; did you mean '" + best + "'?" : "";
        return suggestion + " (valid: " + names.stream().collect(Collectors.joining(", ")) + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
