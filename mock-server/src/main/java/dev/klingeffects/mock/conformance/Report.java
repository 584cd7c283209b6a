package dev.klingeffects.mock.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The probe's findings, as Markdown for people and JUnit XML for CI. Never contains the API key. */
final class Report {

    /**
     * One case and what came of it.
     *
     * @param probe       the request
     * @param target      the target's answer
     * @param mock        the mock's answer
     * @param differences what differs; empty when they agree
     */
    record Result(ProbeCase probe, Exchange target, Exchange mock, List<String> differences) {}

    /**
     * @param target       the target's base URL
     * @param specVersion  the spec the mock follows
     * @param results      every case sent
     * @param unknownUpstream catalog effects the target does not know (with --effects)
     * @param unknownHere  effect names the target mentions that the catalog lacks (with --effects)
     * @param stopped      why the run ended early, or null
     * @param notRun       why nothing could be compared (the target unreachable, or refusing the key), or null
     */
    record Findings(String target, String specVersion, List<Result> results, List<String> unknownUpstream,
                    List<String> unknownHere, String stopped, String notRun) {

        long differing() {
            return results.stream().filter(result -> !result.differences().isEmpty()).count()
                    + unknownUpstream.size() + unknownHere.size();
        }
    }

    private Report() {}

    /** Stands for the key wherever a target's answer echoed it: the report is a CI artifact anyone may read. */
    static final String KEY_MARK = "<api key>";

    /** Writes both reports, with the key replaced wherever the target's answers echoed it. */
    static void write(Findings findings, Path dir, String apiKey) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("conformance-report.md"), withoutKey(markdown(findings), apiKey, KEY_MARK),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("conformance-report.xml"),
                    withoutKey(withoutKey(junit(findings), escape(apiKey), escape(KEY_MARK)), apiKey, escape(KEY_MARK)),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(Findings findings) {
        if (findings.notRun() != null) {
            return "# Conformance of " + findings.target() + " to the kit's mock (spec " + findings.specVersion()
                    + ")\n\n- run: " + Instant.now() + "\n- **not run:** " + findings.notRun()
                    + "\n\nNothing was compared, so this report lists no differences. Fix the cause and run again.\n";
        }
        StringBuilder md = new StringBuilder("# Conformance of ").append(findings.target())
                .append(" to the kit's mock (spec ").append(findings.specVersion()).append(")\n\n")
                .append("- run: ").append(Instant.now()).append('\n')
                .append("- cases: ").append(findings.results().size()).append(", differing: ")
                .append(findings.results().stream().filter(result -> !result.differences().isEmpty()).count()).append('\n');
        if (findings.stopped() != null) {
            md.append("- **stopped early:** ").append(findings.stopped()).append('\n');
        }
        if (!findings.unknownUpstream().isEmpty() || !findings.unknownHere().isEmpty()) {
            md.append("\n## Catalog drift\n\n");
            findings.unknownUpstream().forEach(name -> md.append("- the target no longer knows effect `").append(name).append("`\n"));
            findings.unknownHere().forEach(name -> md.append("- the target mentions effect `").append(name)
                    .append("`, which the catalog lacks\n"));
        }
        md.append("\n## Differences\n");
        for (Result result : findings.results()) {
            if (result.differences().isEmpty()) {
                continue;
            }
            md.append("\n### ").append(result.probe().name()).append("\n\n");
            result.differences().forEach(difference -> md.append("- ").append(difference).append('\n'));
            md.append("\nRequest:\n\n```\n").append(result.probe().shown()).append("\n```\n\nTarget answered:\n\n```\n")
                    .append(result.target().shown()).append("\n```\n\nMock answered:\n\n```\n")
                    .append(result.mock().shown()).append("\n```\n");
        }
        md.append("\n## Cases that agree\n\n");
        findings.results().stream().filter(result -> result.differences().isEmpty())
                .forEach(result -> md.append("- ").append(result.probe().name()).append('\n'));
        return md.toString();
    }

    static String junit(Findings findings) {
        if (findings.notRun() != null) {
            // An error, not failures: CI shows a run that could not compare anything apart from real differences.
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"conformance\" tests=\"1\" failures=\"0\" "
                    + "errors=\"1\">\n  <testcase classname=\"conformance\" name=\"catalog and run\">\n    <error message=\""
                    + escape("not run: " + findings.notRun()) + "\"/>\n  </testcase>\n</testsuite>\n";
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuite name=\"conformance\" tests=\"").append(findings.results().size() + 1)
                .append("\" failures=\"").append(failures(findings))
                .append("\">\n");
        for (Result result : findings.results()) {
            xml.append("  <testcase classname=\"conformance\" name=\"").append(escape(result.probe().name())).append('"');
            if (result.differences().isEmpty()) {
                xml.append("/>\n");
            } else {
                xml.append(">\n    <failure message=\"").append(escape(String.join("; ", result.differences())))
                        .append("\">").append(escape(result.probe().shown() + "\n\ntarget: " + result.target().shown()
                                + "\n\nmock: " + result.mock().shown())).append("</failure>\n  </testcase>\n");
            }
        }
        xml.append("  <testcase classname=\"conformance\" name=\"catalog and run\"");
        if (findings.unknownUpstream().isEmpty() && findings.unknownHere().isEmpty() && findings.stopped() == null) {
            xml.append("/>\n");
        } else {
            xml.append(">\n    <failure message=\"").append(escape("unknown upstream: " + findings.unknownUpstream()
                    + "; not in the catalog: " + findings.unknownHere() + (findings.stopped() == null ? "" : "; stopped: "
                    + findings.stopped()))).append("\"/>\n  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static long failures(Findings findings) {
        return findings.results().stream().filter(result -> !result.differences().isEmpty()).count()
                + (findings.unknownUpstream().isEmpty() && findings.unknownHere().isEmpty() && findings.stopped() == null ? 0 : 1);
    }

    private static String withoutKey(String text, String apiKey, String mark) {
        return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, mark);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
