package dev.klingeffects.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI spec of the Kling effects API, read from the classpath as a plain JSON tree.
 * Tools derive their rules from it instead of restating them.
 */
public final class ContractSpec {

    /** Classpath location of the spec inside the {@code openapi} jar. */
    public static final String RESOURCE_DIR = "openapi/";
    /** File name of the spec. */
    public static final String SPEC_FILE = "kling-video-effects.yaml";

    private final byte[] text;
    private final JsonNode root;

    private ContractSpec(byte[] text, JsonNode root) {
        this.text = text;
        this.root = root;
    }

    private static JsonNode parseYaml(byte[] yaml) {
        return YamlText.parse(yaml);
    }

    /**
     * The YAML parser, in a class of its own: only loaded when a spec must be read from YAML, so a client
     * that reads the JSON twin runs without jackson-dataformat-yaml (an optional dependency).
     */
    private static final class YamlText {
        static JsonNode parse(byte[] yaml) {
            try {
                return new ObjectMapper(new YAMLFactory()).readTree(yaml);
            } catch (IOException e) {
                throw new UncheckedIOException("The spec is not valid YAML", e);
            }
        }
    }

    /**
     * Loads the spec packaged in the {@code openapi} jar: its JSON twin, made by the build, when
     * present (no YAML parser to load at start-up), else the YAML itself.
     *
     * @return the parsed spec
     */
    public static ContractSpec load() {
        byte[] yaml = readResource(SPEC_FILE);
        String location = RESOURCE_DIR + SPEC_FILE.replace(".yaml", ".json");
        try (InputStream json = ContractSpec.class.getClassLoader().getResourceAsStream(location)) {
            return new ContractSpec(yaml, json == null ? parseYaml(yaml) : new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
    }

    /**
     * Parses a spec from its YAML text, e.g. a modified copy in a test.
     *
     * @param yaml the spec's text
     * @return the parsed spec
     */
    public static ContractSpec fromText(byte[] yaml) {
        return new ContractSpec(yaml.clone(), parseYaml(yaml));
    }

    static byte[] readResource(String file) {
        String location = RESOURCE_DIR + file;
        try (InputStream in = ContractSpec.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException(location + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the spec exactly as written, byte for byte */
    public byte[] text() {
        return text.clone();
    }

    /** @return the whole document */
    public JsonNode root() {
        return root;
    }

    /** @return {@code info.version} */
    public String version() {
        return root.path("info").path("version").asText();
    }

    /** @return the {@code info.x-modellix} block: model id, limits and timings of the real API */
    public JsonNode modellix() {
        return root.path("info").path("x-modellix");
    }

    /**
     * @param name a schema under {@code components.schemas}
     * @return the schema, or a missing node
     */
    public JsonNode schema(String name) {
        return root.path("components").path("schemas").path(name);
    }

    /**
     * Follows a local {@code $ref} (possibly several in a row).
     *
     * @param node any node of the spec
     * @return the node it refers to, or the node itself when it is no reference
     */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 16; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("Only local references are supported: " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    /**
     * @param operationId an operation's id
     * @return its path template and method
     */
    public Operation operation(String operationId) {
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (operationId.equals(method.getValue().path("operationId").asText())) {
                    return new Operation(operationId, method.getKey().toUpperCase(java.util.Locale.ROOT),
                            path.getKey(), method.getValue());
                }
            }
        }
        throw new IllegalArgumentException("No operation " + operationId + " in the spec");
    }

    /** One operation of the spec. */
    public final class Operation {
        private final String id;
        private final String method;
        private final String path;
        private final JsonNode node;

        Operation(String id, String method, String path, JsonNode node) {
            this.id = id;
            this.method = method;
            this.path = path;
            this.node = node;
        }

        /** @return the operationId */
        public String id() {
            return id;
        }

        /** @return the HTTP method in upper case */
        public String method() {
            return method;
        }

        /** @return the path template, e.g. {@code /api/v1/tasks/{task_id}} */
        public String path() {
            return path;
        }

        /** @return the HTTP statuses the spec documents for this operation */
        public Set<Integer> documentedStatuses() {
            Set<Integer> statuses = new TreeSet<>();
            node.path("responses").fieldNames().forEachRemaining(code -> statuses.add(Integer.valueOf(code)));
            return statuses;
        }

        /**
         * @param status a documented status
         * @return the first named example body of that response
         */
        public Optional<JsonNode> firstExample(int status) {
            JsonNode examples = resolve(node.path("responses").path(String.valueOf(status)))
                    .path("content").path("application/json").path("examples");
            Iterator<JsonNode> values = examples.elements();
            return values.hasNext() ? Optional.of(resolve(values.next()).path("value")) : Optional.empty();
        }

        /**
         * @param status a documented status
         * @return the names of the headers the spec documents on that response
         */
        public Set<String> documentedHeaders(int status) {
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            resolve(node.path("responses").path(String.valueOf(status))).path("headers").fieldNames()
                    .forEachRemaining(names::add);
            return names;
        }

        /** @return the operation's request body schema, references resolved */
        public JsonNode requestSchema() {
            return resolve(node.path("requestBody").path("content").path("application/json").path("schema"));
        }
    }
}
