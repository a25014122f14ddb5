package dev.enclave.cli;

import dev.enclave.EnclaveException;
import dev.enclave.residency.DjlNetworkSettings;
import dev.enclave.residency.EgressGuard;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** Entry point: only dispatches to subcommands, each a small class that delegates to a service. */
@Command(
        name = "enclave",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Fine-tunes open-weight models on private data inside your own machines, and proves it.",
        subcommands = {
            RunCommand.class,
            PrepareCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            ModelCommand.class,
            ScoreCommand.class,
            GenerateCommand.class,
            DeidCommand.class,
            AuditCommand.class,
            SampleDataCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  enclave run pipelines/clinical-notes.yaml",
            "  enclave prepare pipelines/clinical-notes.yaml --run-dir runs/try1",
            "  enclave train runs/try1 && enclave evaluate runs/try1",
            "  enclave audit verify runs/try1",
            "",
            "Exit codes: 0 success, 2 bad input or spec, 3 a gate of the spec failed, 1 internal failure."
        })
public final class EnclaveCommand implements Runnable {
    @CommandLine.Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        if (LoopbackRelauncher.needed()) {
            System.exit(LoopbackRelauncher.relaunch(EnclaveCommand.class, args));
        }
        System.exit(execute(args));
    }

    /** Runs one command line and returns its exit code; never calls {@link System#exit}. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new EnclaveCommand());
        cli.setExecutionExceptionHandler(EnclaveCommand::handle);
        try {
            DjlNetworkSettings.enforce();
            EgressGuard.install();
        } catch (EnclaveException e) {
            cli.getErr().println("ERROR: " + e.getMessage());
            return e.exitCode();
        }
        return cli.execute(args);
    }

    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        boolean verbose = deepVerbose(parsed);
        if (e instanceof EnclaveException known) {
            err.println("ERROR: " + known.getMessage());
            if (verbose && known.getCause() != null) {
                known.getCause().printStackTrace(err);
            }
            return known.exitCode();
        }
        err.println("ERROR: internal failure: " + e);
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("(run again with --verbose for the stack trace)");
        }
        return EnclaveException.INTERNAL;
    }

    private static boolean deepVerbose(CommandLine.ParseResult parsed) {
        return parsed.hasMatchedOption("--verbose") || (parsed.subcommand() != null && deepVerbose(parsed.subcommand()));
    }
}
