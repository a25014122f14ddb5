package dev.enclave.model.bundled;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a Hugging Face {@code tokenizer.json} for a BERT WordPiece vocabulary ({@code vocab.txt}, one token per
 * line, the line number being the id), laid out as the Hugging Face Hub's {@code bert-base-uncased} tokenizer: BERT
 * normaliser (text cleaning, CJK splitting, optional lower-casing with accent stripping), BERT pre-tokenizer,
 * {@code [CLS] A [SEP]} / {@code [CLS] A [SEP] B [SEP]} template, WordPiece model with {@code ##} continuations, no
 * truncation or padding (Enclave sets those when it encodes).
 */
public final class WordPieceTokenizerJson {

    /** The special tokens every BERT vocabulary must hold, in the order they are declared. */
    public static final List<String> SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private WordPieceTokenizerJson() {}

    /**
     * Parses a {@code vocab.txt}.
     *
     * @param bytes the file, UTF-8
     * @param source the file name, used in error messages
     * @return the tokens in id order
     * @throws IllegalArgumentException naming the source and line if the file is not UTF-8, a line is empty or a
     *     token repeats
     */
    public static List<String> parseVocab(byte[] bytes, String source) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(source + ": not UTF-8", e);
        }
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        List<String> tokens = new ArrayList<>(count);
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String token = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (token.isEmpty()) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": empty token");
            }
            Integer earlier = seen.putIfAbsent(token, i + 1);
            if (earlier != null) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": token repeats line " + earlier);
            }
            tokens.add(token);
        }
        return List.copyOf(tokens);
    }

    /**
     * Builds the tokenizer description.
     *
     * @param vocab the tokens in id order; must contain {@link #SPECIAL_TOKENS}
     * @param lowercase whether input is lower-cased (uncased models)
     * @return the {@code tokenizer.json} content as ordered JSON-ready values
     * @throws IllegalArgumentException naming the special tokens the vocabulary lacks
     */
    public static Map<String, Object> build(List<String> vocab, boolean lowercase) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int id = 0; id < vocab.size(); id++) {
            ids.put(vocab.get(id), id);
        }
        List<String> missing = SPECIAL_TOKENS.stream().filter(token -> !ids.containsKey(token)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("vocabulary lacks the special token(s) " + missing);
        }
        List<Map<String, Object>> added = SPECIAL_TOKENS.stream()
                .sorted((a, b) -> Integer.compare(ids.get(a), ids.get(b)))
                .map(token -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", ids.get(token));
                    entry.put("content", token);
                    entry.put("single_word", false);
                    entry.put("lstrip", false);
                    entry.put("rstrip", false);
                    entry.put("normalized", false);
                    entry.put("special", true);
                    return entry;
                })
                .toList();
        Map<String, Object> normalizer = new LinkedHashMap<>();
        normalizer.put("type", "BertNormalizer");
        normalizer.put("clean_text", true);
        normalizer.put("handle_chinese_chars", true);
        normalizer.put("strip_accents", null);
        normalizer.put("lowercase", lowercase);

        Map<String, Object> postProcessor = new LinkedHashMap<>();
        postProcessor.put("type", "TemplateProcessing");
        postProcessor.put("single", List.of(special("[CLS]", 0), sequence("A", 0), special("[SEP]", 0)));
        postProcessor.put("pair", List.of(special("[CLS]", 0), sequence("A", 0), special("[SEP]", 0),
                sequence("B", 1), special("[SEP]", 1)));
        Map<String, Object> specials = new LinkedHashMap<>();
        for (String token : List.of("[CLS]", "[SEP]")) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", token);
            entry.put("ids", List.of(ids.get(token)));
            entry.put("tokens", List.of(token));
            specials.put(token, entry);
        }
        postProcessor.put("special_tokens", specials);

        Map<String, Object> decoder = new LinkedHashMap<>();
        decoder.put("type", "WordPiece");
        decoder.put("prefix", "##");
        decoder.put("cleanup", true);

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "WordPiece");
        model.put("unk_token", "[UNK]");
        model.put("continuing_subword_prefix", "##");
        model.put("max_input_chars_per_word", 100);
        model.put("vocab", ids);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "1.0");
        json.put("truncation", null);
        json.put("padding", null);
        json.put("added_tokens", added);
        json.put("normalizer", normalizer);
        json.put("pre_tokenizer", Map.of("type", "BertPreTokenizer"));
        json.put("post_processor", postProcessor);
        json.put("decoder", decoder);
        json.put("model", model);
        return json;
    }

    private static Map<String, Object> special(String token, int typeId) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("id", token);
        inner.put("type_id", typeId);
        return Map.of("SpecialToken", inner);
    }

    private static Map<String, Object> sequence(String id, int typeId) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("id", id);
        inner.put("type_id", typeId);
        return Map.of("Sequence", inner);
    }
}
