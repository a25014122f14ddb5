package dev.enclave.deid;

import java.nio.file.Path;

/** Bad input to a de-identification job. The message names the file and line and never quotes the text. */
public final class DeidInputException extends Exception {

    private final Path file;
    private final long line;

    public DeidInputException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** One-based line (JSONL) or record (CSV) number, 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }
}
