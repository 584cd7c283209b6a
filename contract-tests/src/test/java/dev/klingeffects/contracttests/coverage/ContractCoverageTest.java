package dev.klingeffects.contracttests.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contracttests.support.ContractFiles;
import dev.klingeffects.contracttests.support.CoverageRecorder;
import dev.klingeffects.contracttests.support.PactSpecChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each operation × documented status of the spec, and whether a pact interaction and an acceptance
 * test exercised it. Runs after both; every pair must be covered by both.
 */
class ContractCoverageTest {

    private record Operation(String id, String method, Pattern path, Set<Integer> statuses) {}

    @Test
    void everyDocumentedStatusOfEveryOperationIsExercisedByAPactAndAnAcceptanceTest() throws IOException {
        ContractSpec spec = ContractSpec.fromText(Files.readAllBytes(ContractFiles.spec()));
        List<Operation> operations = new ArrayList<>();
        for (String id : List.of("submitEffectTask", "getTask")) {
            ContractSpec.Operation operation = spec.operation(id);
            operations.add(new Operation(id, operation.method(),
                    Pattern.compile(operation.path().replaceAll("\\{[^/]+}", "[^/]+")), operation.documentedStatuses()));
        }

        Set<String> byPact = new TreeSet<>();
        for (var interaction : PactSpecChecker.interactions(ContractFiles.pactDir())) {
            key(operations, interaction.method(), interaction.path(), interaction.status()).ifPresent(byPact::add);
        }
        Set<String> byAcceptance = new TreeSet<>();
        try (Stream<Path> files = Files.list(ContractFiles.coverageDir())) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith(CoverageRecorder.PREFIX)).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] cells = line.split("\t");
                    key(operations, cells[0], cells[1], Integer.parseInt(cells[2])).ifPresent(byAcceptance::add);
                }
            }
        }

        Map<String, String> rows = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        StringBuilder report = new StringBuilder("# Contract coverage\n\n| operation | status | pact | acceptance |\n|---|---|---|---|\n");
        for (Operation operation : operations) {
            for (int status : operation.statuses()) {
                String key = operation.id() + " " + status;
                boolean pact = byPact.contains(key);
                boolean acceptance = byAcceptance.contains(key);
                report.append("| ").append(operation.id()).append(" | ").append(status).append(" | ")
                        .append(pact ? "yes" : "**no**").append(" | ").append(acceptance ? "yes" : "**no**").append(" |\n");
                rows.put(key, pact + "/" + acceptance);
                if (!pact || !acceptance) {
                    missing.add(key + (pact ? "" : " (no pact interaction)") + (acceptance ? "" : " (no acceptance test)"));
                }
            }
        }
        Path reportFile = ContractFiles.coverageDir().resolve("report.md");
        Files.writeString(reportFile, report);
        System.out.println(report);

        assertThat(rows).hasSize(14);
        assertThat(missing).as("uncovered pairs, see " + reportFile).isEmpty();
    }

    private static java.util.Optional<String> key(List<Operation> operations, String method, String path, int status) {
        return operations.stream()
                .filter(operation -> operation.method().equalsIgnoreCase(method) && operation.path().matcher(path).matches())
                .findFirst().map(operation -> operation.id() + " " + status);
    }
}
