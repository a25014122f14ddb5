package dev.enclave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code enclave bench ...}: measurements of this machine. */
@Command(name = "bench", description = "Measure this machine.", subcommands = {BenchPrepareCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
