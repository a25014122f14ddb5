package dev.enclave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code enclave model ...}: model folder tools. */
@Command(name = "model", description = "Model folder tools.", subcommands = {ModelImportCommand.class})
final class ModelCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
