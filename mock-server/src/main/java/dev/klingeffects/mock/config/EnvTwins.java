package dev.klingeffects.mock.config;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Environment twins as picocli default values: an option no argument gives takes its twin's value, which the
 * command (a {@link Twinned}) names. Read from the map given, not from {@code System.getenv()} directly, so
 * tests and the JUnit extension pass their own.
 */
public final class EnvTwins implements CommandLine.IDefaultValueProvider {

    /** A command whose options have environment twins. */
    public interface Twinned {
        /** @return the environment variable that stands in for {@code option}, or null for none */
        String twin(OptionSpec option);
    }

    private final Map<String, String> env;

    private EnvTwins(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * @param command a picocli command object (its subcommands included)
     * @param env     environment variables
     * @return its command line as every command of the mock parses: the last of a repeated flag wins, a flag
     *         is never the value of the flag before it, and twins fill in what no flag gives
     */
    public static CommandLine commandLine(Object command, Map<String, String> env) {
        return new CommandLine(command)
                .setOverwrittenOptionsAllowed(true)
                .setUnmatchedOptionsAllowedAsOptionParameters(false)
                .setDefaultValueProvider(new EnvTwins(env));
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (argument instanceof OptionSpec option && option.command().userObject() instanceof Twinned twinned) {
            String name = twinned.twin(option);
            return name == null ? null : env.get(name);
        }
        return null;
    }
}
