package id.lapor.lab;

import id.lapor.core.policy.Policy;
import id.lapor.lab.generate.Distributions;
import id.lapor.lab.generate.HistoryGenerator;
import id.lapor.lab.history.HistoryWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic but realistic history (JSON Lines), seeded and reproducible: a city year"
                + " (Kota Palangka Raya, 2,000 reports) or a nation-scale year (300,000).",
                "The distributions are documented in the README."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "CITY", description = "CITY (default) or NATION.")
    HistoryGenerator.Profile profile;

    @Option(names = "--count", description = "How many reports (default: 2,000 for CITY, 300,000 for NATION).")
    Integer count;

    @Option(names = "--seed", defaultValue = "1708", description = "The seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--year", defaultValue = "2025", description = "The year (default: ${DEFAULT-VALUE}).")
    int year;

    @Option(names = {"-p", "--policy"}, paramLabel = "FILE",
            description = "The policy whose categories, units and calendars to use (default: built-in).")
    Path policyFile;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write (default: stdout).")
    Path out;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        Policy policy = Policies.load(policyFile);
        int n = count == null ? profile.defaultCount() : count;
        HistoryGenerator generator = new HistoryGenerator(new HistoryGenerator.Settings(profile, n, seed, year), policy);
        long[] written = {0};
        try (Writer w = Json.writer(out); JsonGenerator g = Json.generator(w)) {
            generator.generate(line -> {
                HistoryWriter.write(g, line, Distributions.zoneOf(line.region()).zoneId());
                g.writeRaw('\n');
                written[0]++;
            });
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spec.commandLine().getErr().printf("generated %,d reports (%s, seed %d, year %d) in %,d ms%n", written[0],
                profile, seed, year, (System.nanoTime() - started) / 1_000_000);
        spec.commandLine().getErr().flush();
        return 0;
    }
}
