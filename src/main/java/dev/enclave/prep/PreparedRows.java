package dev.enclave.prep;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Column names and schema of prepared rows, as the split Parquet files hold them. */
public final class PreparedRows {
    public static final String ID = InputRows.ID;
    public static final String GROUP = InputRows.GROUP;
    public static final String TEXT = InputRows.TEXT;
    public static final String LABEL = InputRows.LABEL;
    public static final String LABEL_INDEX = "label_index";
    public static final String PHI_SPANS = "phi_spans";
    /** The surrogates de-identification inserted into a row's text, with their types (none in mask mode). */
    public static final String SURROGATES = "surrogates";
    /** One inserted surrogate: its text and its PHI type. */
    public static final StructType SURROGATE = new StructType()
            .add("value", DataTypes.StringType, false)
            .add("type", DataTypes.StringType, false);
    public static final String INPUT_IDS = "input_ids";
    public static final String TOKENS = "tokens";
    public static final String TRUNCATED = "truncated";
    public static final String SPLIT = GroupSplitter.SPLIT;

    /**
     * After de-identification: the text is redacted and {@link #PHI_SPANS} counts what was replaced, per kind. Source
     * and line stay with the row, so a row filtered out later can still be traced to its record. {@link #SURROGATES}
     * is for the residual scan only and is dropped before the next step.
     */
    public static final StructType DEIDENTIFIED = new StructType()
            .add(InputRows.SOURCE, DataTypes.StringType, false)
            .add(InputRows.LINE, DataTypes.LongType, false)
            .add(ID, DataTypes.StringType, false)
            .add(GROUP, DataTypes.StringType, false)
            .add(TEXT, DataTypes.StringType, false)
            .add(LABEL, DataTypes.StringType, true)
            .add(PHI_SPANS, DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType), false)
            .add(SURROGATES, DataTypes.createArrayType(SURROGATE, false), false);

    /** The rows of {@code classification} and {@code masked-lm}: de-identified text, label index (-1: none), token ids. */
    public static final StructType TOKENISED = new StructType()
            .add(ID, DataTypes.StringType, false)
            .add(GROUP, DataTypes.StringType, false)
            .add(TEXT, DataTypes.StringType, false)
            .add(LABEL, DataTypes.StringType, true)
            .add(LABEL_INDEX, DataTypes.IntegerType, false)
            .add(SPLIT, DataTypes.StringType, false)
            .add(INPUT_IDS, DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add(TOKENS, DataTypes.IntegerType, false)
            .add(TRUNCATED, DataTypes.BooleanType, false);

    private PreparedRows() {}
}
