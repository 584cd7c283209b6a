package dev.klingeffects.mock.config;

import java.util.Comparator;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's help from its picocli model, in the layout users know: the usage lines, its subcommands with
 * their summaries, the description, one option a line with its parameter and description (continued below it)
 * and optionally its environment twin, then the footer. Hidden options are left out.
 */
public final class HelpText {

    private HelpText() {}

    /**
     * @param command the command
     * @param column  where descriptions start
     * @param twin    the line under an option (e.g. its environment twin), or null for none
     * @return the help text
     */
    public static String of(CommandSpec command, int column, Function<OptionSpec, String> twin) {
        StringBuilder text = new StringBuilder();
        for (String line : command.usageMessage().customSynopsis()) {
            text.append(line).append('\n');
        }
        if (!command.subcommands().isEmpty()) {
            text.append("Commands:\n");
            command.subcommands().forEach((name, subcommand) -> {
                String[] summary = subcommand.getCommandSpec().usageMessage().header();
                for (int i = 0; i < summary.length; i++) {
                    text.append(String.format("  %-13s %s%n", i == 0 ? name : "", summary[i]));
                }
            });
            text.append('\n');
        }
        for (String line : command.usageMessage().description()) {
            text.append(line).append(line.endsWith("\n") ? "" : "\n");
        }
        command.options().stream().filter(option -> !option.hidden()).sorted(Comparator.comparingInt(OptionSpec::order)).forEach(option -> {
            String left = "  " + option.longestName() + (option.paramLabel().isEmpty() || option.arity().max() == 0
                    ? "" : " " + option.paramLabel());
            String[] description = option.description();
            for (int i = 0; i < description.length; i++) {
                text.append(String.format("%-" + (column - 1) + "s %s%n", i == 0 ? left : "", description[i]));
            }
            String under = twin == null ? null : twin.apply(option);
            if (under != null) {
                text.append(String.format("%-" + (column - 1) + "s %s%n", "", under));
            }
        });
        for (String line : command.usageMessage().footer()) {
            text.append(line).append(line.endsWith("\n") ? "" : "\n");
        }
        return text.toString();
    }
}
