package nl.welkom.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A mapping in a bundled YAML file (content, demo data) with typed, fail-fast accessors: a missing
 * or mistyped field stops the import with the file and the path of the field. Scalars are read as
 * text except integers, so {@code no}, {@code yes} or {@code 2026-11-23} stay the text written.
 */
public final class YamlNode {
    private final Map<?, ?> values;
    private final String where;

    private YamlNode(Map<?, ?> values, String where) {
        this.values = values;
        this.where = where;
    }

    /** The file at {@code location} ({@code classpath:…} or a path), parsed, when it is there (see {@link ResourceFiles#find}). */
    public static Optional<YamlNode> readIfPresent(String location) {
        return ResourceFiles.find(location).map(YamlNode::read);
    }

    /** Parses the mapping at the top of {@code file} with a safe constructor (no arbitrary types). */
    public static YamlNode read(URL file) {
        LoaderOptions options = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new TextResolver());
        String name = file.getPath().substring(file.getPath().lastIndexOf('/') + 1);
        try (InputStream in = file.openStream()) {
            Object document = yaml.load(in);
            if (!(document instanceof Map)) {
                throw new IllegalStateException(name + ": expected a mapping at the top");
            }
            return new YamlNode((Map<?, ?>) document, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Required non-blank text. */
    public String text(String key) {
        return optionalText(key).orElseThrow(() -> fail(key, "is required"));
    }

    public Optional<String> optionalText(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            throw fail(key, "must be text");
        }
        String text = value.toString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public Optional<Integer> optionalInt(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Integer)) {
            throw fail(key, "must be a whole number");
        }
        return Optional.of((Integer) value);
    }

    /** An optional decimal number (a coordinate, say); plain YAML scalars read as text, so it is parsed here. */
    public Optional<Double> optionalDouble(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number) {
            return Optional.of(((Number) value).doubleValue());
        }
        try {
            double number = Double.parseDouble(String.valueOf(value).trim());
            if (Double.isFinite(number)) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw fail(key, "must be a number");
    }

    /** Required enum constant, by name. */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String name = text(key);
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(key, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A list of texts; empty when absent. */
    public List<String> texts(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw fail(key, "must be a list");
        }
        List<String> texts = new ArrayList<>();
        for (Object item : (List<?>) value) {
            if (item == null || item instanceof Map || item instanceof List) {
                throw fail(key, "must be a list of texts");
            }
            texts.add(item.toString().trim());
        }
        return texts;
    }

    /** A mapping of texts (language code → text); empty when absent. Keys are lowercased. */
    public Map<String, String> textMap(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw fail(key, "must be a mapping");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
            if (entry.getValue() == null || entry.getValue() instanceof Map || entry.getValue() instanceof List) {
                throw fail(key + "." + entry.getKey(), "must be text");
            }
            String text = entry.getValue().toString().strip();
            if (!text.isEmpty()) {
                texts.put(entry.getKey().toString().trim().toLowerCase(Locale.ROOT), text);
            }
        }
        return texts;
    }

    /** A list of mappings; empty when absent. */
    public List<YamlNode> children(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw fail(key, "must be a list");
        }
        List<YamlNode> children = new ArrayList<>();
        int index = 0;
        for (Object item : (List<?>) value) {
            if (!(item instanceof Map)) {
                throw fail(key + "[" + index + "]", "must be a mapping");
            }
            children.add(new YamlNode((Map<?, ?>) item, where + " " + key + "[" + index + "]"));
            index++;
        }
        return children;
    }

    /** An error naming the file and the field. */
    public IllegalStateException fail(@Nullable String key, String problem) {
        return new IllegalStateException(where + (key == null ? "" : " " + key) + ": " + problem);
    }

    /** YAML 1.1 resolution without booleans, floats and timestamps: only integers and nulls are typed. */
    private static final class TextResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
