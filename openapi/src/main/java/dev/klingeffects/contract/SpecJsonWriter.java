package dev.klingeffects.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: writes the spec as JSON beside the YAML in the jar, so tools read it without loading
 * a YAML parser at start-up. Generated on every build, never committed.
 */
public final class SpecJsonWriter {

    private SpecJsonWriter() {}

    /**
     * @param args the spec's YAML file, and the JSON file to write
     * @throws IOException when either file cannot be used
     */
    public static void main(String[] args) throws IOException {
        Path yaml = Path.of(args[0]);
        Path json = Path.of(args[1]);
        Files.createDirectories(json.getParent());
        new ObjectMapper().writeValue(json.toFile(), new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile()));
    }
}
