package dev.enclave.run;

/**
 * One step of a pipeline. A stage reads what earlier stages left in the run folder, writes its outputs through
 * {@link RunContext#files()}, and puts its counts into {@link RunContext#manifest()}.
 */
public interface Stage {
    /** Short lowercase name used in the audit log, manifest and progress lines. */
    String name();

    void run(RunContext run) throws Exception;
}
