package dev.enclave.model.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The weights of a Hugging Face style folder: either one {@value #SINGLE_FILE} or the shards listed by
 * {@value #INDEX_FILE}. Tensors are looked up by name and read one at a time from their shard.
 */
public final class SafetensorsCheckpoint implements AutoCloseable {

    /** The single-file weights name. */
    public static final String SINGLE_FILE = "model.safetensors";
    /** The shard index name. */
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<SafetensorsReader> readers;
    private final SortedMap<String, SafetensorsReader> byTensor;

    private SafetensorsCheckpoint(List<SafetensorsReader> readers, SortedMap<String, SafetensorsReader> byTensor) {
        this.readers = List.copyOf(readers);
        this.byTensor = Collections.unmodifiableSortedMap(byTensor);
    }

    /**
     * Tells whether a folder holds weights this class can open.
     *
     * @param folder the model folder
     * @return true if {@value #SINGLE_FILE} or {@value #INDEX_FILE} exists there
     */
    public static boolean existsIn(Path folder) {
        return Files.isRegularFile(folder.resolve(SINGLE_FILE)) || Files.isRegularFile(folder.resolve(INDEX_FILE));
    }

    /**
     * Lists the weight files of a folder without opening them: the single file, or the index and its shards.
     *
     * @param folder the model folder
     * @return the files in a stable order (index first, then shards sorted by name)
     * @throws IOException if the folder has no weights or the index is malformed
     */
    public static List<Path> weightFiles(Path folder) throws IOException {
        Path index = folder.resolve(INDEX_FILE);
        if (Files.isRegularFile(index)) {
            List<Path> files = new ArrayList<>();
            files.add(index);
            new TreeSet<>(readWeightMap(folder, index).values()).forEach(files::add);
            return files;
        }
        Path single = folder.resolve(SINGLE_FILE);
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        throw new IOException(folder + ": no " + SINGLE_FILE + " or " + INDEX_FILE);
    }

    /**
     * Opens the weights of a folder, preferring the shard index when both forms are present.
     *
     * @param folder the model folder
     * @return an open checkpoint; close it to release the files
     * @throws IOException if the files are missing, malformed, or the index names tensors its shards lack
     */
    public static SafetensorsCheckpoint open(Path folder) throws IOException {
        Path index = folder.resolve(INDEX_FILE);
        if (Files.isRegularFile(index)) {
            return openSharded(folder, index);
        }
        Path single = folder.resolve(SINGLE_FILE);
        if (!Files.isRegularFile(single)) {
            throw new IOException(folder + ": no " + SINGLE_FILE + " or " + INDEX_FILE);
        }
        SafetensorsReader reader = SafetensorsReader.open(single);
        SortedMap<String, SafetensorsReader> byTensor = new TreeMap<>();
        reader.tensorNames().forEach(name -> byTensor.put(name, reader));
        return new SafetensorsCheckpoint(List.of(reader), byTensor);
    }

    private static SafetensorsCheckpoint openSharded(Path folder, Path index) throws IOException {
        Map<String, Path> weightMap = readWeightMap(folder, index);
        Map<Path, SafetensorsReader> shards = new LinkedHashMap<>();
        try {
            for (Path shard : new TreeSet<>(weightMap.values())) {
                if (!Files.isRegularFile(shard)) {
                    throw new SafetensorsFormatException(index + ": shard " + shard.getFileName() + " is missing");
                }
                shards.put(shard, SafetensorsReader.open(shard));
            }
            SortedMap<String, SafetensorsReader> byTensor = new TreeMap<>();
            for (Map.Entry<String, Path> entry : weightMap.entrySet()) {
                SafetensorsReader reader = shards.get(entry.getValue());
                if (!reader.contains(entry.getKey())) {
                    throw new SafetensorsFormatException(index + ": tensor '" + entry.getKey() + "' is mapped to "
                            + entry.getValue().getFileName() + ", which does not hold it");
                }
                byTensor.put(entry.getKey(), reader);
            }
            return new SafetensorsCheckpoint(new ArrayList<>(shards.values()), byTensor);
        } catch (IOException | RuntimeException e) {
            for (SafetensorsReader reader : shards.values()) {
                reader.close();
            }
            throw e;
        }
    }

    private static Map<String, Path> readWeightMap(Path folder, Path index) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(index.toFile());
        } catch (IOException e) {
            throw new SafetensorsFormatException(index + ": not valid JSON", e);
        }
        JsonNode weightMap = root == null ? null : root.get("weight_map");
        if (weightMap == null || !weightMap.isObject()) {
            throw new SafetensorsFormatException(index + ": missing 'weight_map' object");
        }
        Path base = folder.toAbsolutePath().normalize();
        Map<String, Path> result = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = weightMap.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String fileName = entry.getValue().asText("");
            Path shard = base.resolve(fileName).normalize();
            if (fileName.isEmpty() || !base.equals(shard.getParent())) {
                throw new SafetensorsFormatException(index + ": tensor '" + entry.getKey()
                        + "' maps to '" + fileName + "', not a file in the model folder");
            }
            result.put(entry.getKey(), shard);
        }
        return result;
    }

    /**
     * Returns the files this checkpoint reads.
     *
     * @return the safetensors files in a stable order
     */
    public List<Path> files() {
        return readers.stream().map(SafetensorsReader::file).toList();
    }

    /**
     * Returns all tensor names.
     *
     * @return the names, sorted
     */
    public SortedSet<String> tensorNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byTensor.keySet()));
    }

    /**
     * Tells whether the checkpoint holds a tensor.
     *
     * @param name the tensor name
     * @return true if some file holds it
     */
    public boolean contains(String name) {
        return byTensor.containsKey(name);
    }

    /**
     * Returns the header entry of a tensor.
     *
     * @param name the tensor name
     * @return its dtype, shape and offsets
     * @throws IllegalArgumentException if no file holds the tensor
     */
    public TensorInfo tensor(String name) {
        return readerOf(name).tensor(name);
    }

    /**
     * Returns the file that holds a tensor.
     *
     * @param name the tensor name
     * @return the safetensors file
     * @throws IllegalArgumentException if no file holds the tensor
     */
    public Path fileOf(String name) {
        return readerOf(name).file();
    }

    /**
     * Reads a tensor as float32 (see {@link SafetensorsReader#readFloats(String)}).
     *
     * @param name the tensor name
     * @return its values in row-major order
     * @throws IOException if it cannot be read or widened
     */
    public float[] readFloats(String name) throws IOException {
        return readerOf(name).readFloats(name);
    }

    private SafetensorsReader readerOf(String name) {
        SafetensorsReader reader = byTensor.get(name);
        if (reader == null) {
            throw new IllegalArgumentException("no tensor named '" + name + "' in " + files());
        }
        return reader;
    }

    /** Closes every file. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (SafetensorsReader reader : readers) {
            try {
                reader.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
