package dev.enclave.prep;

import dev.enclave.spec.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.ArraySeq;

/**
 * Spark task function of the format step for {@code causal-lm}: fills the prompt and completion templates with the
 * row's text and label, and writes {@code input_ids = prefix + prompt + completion + eos} with a {@code loss_mask}
 * that is 1 on the completion and the end token, so training learns only what the model should write.
 *
 * <p>When the example is longer than {@code max_tokens}, {@code {text}} is cut at a token boundary until it fits
 * ({@code truncated}); the templates themselves are never cut. When it cannot fit even with {@code {text}} empty, the
 * row is marked {@link FilterReason#TRUNCATED_COMPLETION}.
 */
final class CausalExamples implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    static final String LOSS_MASK = "loss_mask";
    static final String PROMPT_TOKENS = "prompt_tokens";

    /** Example rows, marked for the {@link StepTally}; the arrays are null on filtered rows. */
    static final StructType MARKED = new StructType()
            .add(InputRows.SOURCE, DataTypes.StringType, false)
            .add(InputRows.LINE, DataTypes.LongType, false)
            .add(PreparedRows.ID, DataTypes.StringType, false)
            .add(PreparedRows.GROUP, DataTypes.StringType, false)
            .add(PreparedRows.TEXT, DataTypes.StringType, false)
            .add(PreparedRows.LABEL, DataTypes.StringType, true)
            .add(PreparedRows.SPLIT, DataTypes.StringType, false)
            .add(PreparedRows.INPUT_IDS, DataTypes.createArrayType(DataTypes.IntegerType, false), true)
            .add(LOSS_MASK, DataTypes.createArrayType(DataTypes.IntegerType, false), true)
            .add(PreparedRows.TOKENS, DataTypes.IntegerType, false)
            .add(PROMPT_TOKENS, DataTypes.IntegerType, false)
            .add(PreparedRows.TRUNCATED, DataTypes.BooleanType, false)
            .add(StepTally.REASON, DataTypes.StringType, true)
            .add(StepTally.MESSAGE, DataTypes.StringType, true);

    private final String tokenizerFile;
    private final String promptTemplate;
    private final String completionTemplate;
    private final int maxTokens;
    private final SpecialTokens special;

    CausalExamples(String tokenizerFile, TaskSpec task, SpecialTokens special) {
        this.tokenizerFile = tokenizerFile;
        this.promptTemplate = task.promptTemplate();
        this.completionTemplate = task.completionTemplate();
        this.maxTokens = task.maxTokens();
        this.special = special;
    }

    /** One example's tokens. */
    record Example(int[] inputIds, int[] lossMask, int promptTokens, boolean truncated) {}

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        PieceTokenizer tokenizer;
        try {
            tokenizer = PieceTokenizer.open(tokenizerFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more) {
                    tokenizer.close();
                }
                return more;
            }

            @Override
            public Row next() {
                Row row = rows.next();
                String text = row.getAs(PreparedRows.TEXT);
                String label = row.getAs(PreparedRows.LABEL);
                Example example = build(tokenizer, text, label);
                Object[] head = {row.getAs(InputRows.SOURCE), row.getAs(InputRows.LINE), row.getAs(PreparedRows.ID),
                    row.getAs(PreparedRows.GROUP), text, label, row.getAs(PreparedRows.SPLIT)};
                if (example == null) {
                    return RowFactory.create(head[0], head[1], head[2], head[3], head[4], head[5], head[6], null, null,
                            0, 0, false, FilterReason.TRUNCATED_COMPLETION.name(),
                            "the completion does not fit in task.max_tokens " + maxTokens);
                }
                return RowFactory.create(head[0], head[1], head[2], head[3], head[4], head[5], head[6],
                        ArraySeq.unsafeWrapArray(example.inputIds()), ArraySeq.unsafeWrapArray(example.lossMask()),
                        example.inputIds().length, example.promptTokens(), example.truncated(), null, null);
            }
        };
    }

    /** The example for one row, or null when its completion cannot fit. */
    Example build(PieceTokenizer tokenizer, String text, String label) {
        Example whole = frame(tokenizer, text, label, false);
        if (whole.inputIds().length <= maxTokens) {
            return whole;
        }
        boolean textInTemplates = promptTemplate.contains("{text}") || completionTemplate.contains("{text}");
        if (!textInTemplates || frame(tokenizer, "", label, true).inputIds().length > maxTokens) {
            return null;
        }
        int keep = tokenizer.ids(text).length - (whole.inputIds().length - maxTokens);
        while (keep > 0) {
            String cut = text.substring(0, tokenizer.charsOfFirstTokens(text, keep));
            Example shorter = frame(tokenizer, cut, label, true);
            int excess = shorter.inputIds().length - maxTokens;
            if (excess <= 0) {
                return shorter;
            }
            keep -= excess;
        }
        return frame(tokenizer, "", label, true);
    }

    private Example frame(PieceTokenizer tokenizer, String text, String label, boolean truncated) {
        long[] prompt = tokenizer.ids(fill(promptTemplate, text, label));
        long[] completion = tokenizer.ids(fill(completionTemplate, text, label));
        int promptTokens = special.prefix().length + prompt.length;
        int[] ids = new int[promptTokens + completion.length + 1];
        int[] mask = new int[ids.length];
        System.arraycopy(special.prefix(), 0, ids, 0, special.prefix().length);
        int at = special.prefix().length;
        for (long id : prompt) {
            ids[at++] = Math.toIntExact(id);
        }
        for (long id : completion) {
            mask[at] = 1;
            ids[at++] = Math.toIntExact(id);
        }
        mask[at] = 1;
        ids[at] = special.eos();
        return new Example(ids, mask, promptTokens, truncated);
    }

    private static String fill(String template, String text, String label) {
        return template.replace("{label}", label == null ? "" : label).replace("{text}", text);
    }
}
