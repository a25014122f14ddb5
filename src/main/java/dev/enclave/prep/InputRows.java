package dev.enclave.prep;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Column names and schema of ingested rows, before and after quarantine. */
public final class InputRows {
    public static final String SOURCE = "source";
    public static final String LINE = "line";
    public static final String ID = "id";
    public static final String GROUP = "group";
    public static final String TEXT = "text";
    public static final String LABEL = "label";
    public static final String REASON = "reason";
    public static final String MESSAGE = "message";
    public static final String RAW = "raw";

    /** Every ingested row: good rows have a null {@link #REASON}; {@link #RAW} is kept only for quarantine. */
    public static final StructType SCHEMA = new StructType()
            .add(SOURCE, DataTypes.StringType, false)
            .add(LINE, DataTypes.LongType, false)
            .add(ID, DataTypes.StringType, true)
            .add(GROUP, DataTypes.StringType, true)
            .add(TEXT, DataTypes.StringType, true)
            .add(LABEL, DataTypes.StringType, true)
            .add(REASON, DataTypes.StringType, true)
            .add(MESSAGE, DataTypes.StringType, true)
            .add(RAW, DataTypes.StringType, true);

    private InputRows() {}
}
