package id.lapor.lab;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The lapor policy lab: test a complaint-handling policy like code. Replay a history through it, see every
 * routing decision explained, compare two policies, and generate realistic histories to try them on.
 */
@Command(name = "lapor-lab", mixinStandardHelpOptions = true, version = "lapor-lab 0.1.0",
        description = "Test a complaint-handling policy like code: replay history through it, explain its decisions,"
                + " diff two policies, generate realistic histories.",
        subcommands = {SimulateCommand.class, DiffCommand.class, ExplainCommand.class, GenerateCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class Lab {
    /** Exit code when a bad line is found under --strict, or the policy is refused. */
    static final int REFUSED = 1;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the lab as the command line would, returning the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the lab with its messages to {@code out} and {@code err} (results files still go where asked). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Lab()).setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("lapor-lab: " + e.getMessage());
            return REFUSED;
        });
        return cl.execute(args);
    }
}
