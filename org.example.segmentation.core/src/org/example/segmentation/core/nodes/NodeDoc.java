package org.example.segmentation.core.nodes;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

/**
 * One KNIME node as the engine sees it: identity, factory class, settings, ports and the engine code that
 * validates its settings. The KNIME node model, dialog and description are all derived from this.
 */
public final class NodeDoc {
    private final String id;
    private final String name;
    private final String factoryClass;
    private final String type;
    private final String shortDescription;
    private final List<String> intro;
    private final String step;
    private final Supplier<List<SettingSpec>> specs;
    private final Function<Settings, ?> parser;
    private final List<PortDoc> inPorts;
    private final List<PortDoc> outPorts;
    private final boolean streamable;

    NodeDoc(String id, String name, String factoryClass, String type, String shortDescription, List<String> intro,
            String step, Supplier<List<SettingSpec>> specs, Function<Settings, ?> parser, List<PortDoc> inPorts,
            List<PortDoc> outPorts, boolean streamable) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.factoryClass = Objects.requireNonNull(factoryClass);
        this.type = Objects.requireNonNull(type);
        this.shortDescription = Objects.requireNonNull(shortDescription);
        this.intro = List.copyOf(intro);
        this.step = Objects.requireNonNull(step);
        this.specs = Objects.requireNonNull(specs);
        this.parser = Objects.requireNonNull(parser);
        this.inPorts = List.copyOf(inPorts);
        this.outPorts = List.copyOf(outPorts);
        this.streamable = streamable;
    }

    /** Stable id, snake_case ({@code segment_assigner}); also the icon's file name without {@code .png}. */
    public String id() {
        return id;
    }

    /** The node's name in KNIME's node repository. */
    public String name() {
        return name;
    }

    /** The fully qualified name of the node's {@code NodeFactory} in the KNIME bundle. */
    public String factoryClass() {
        return factoryClass;
    }

    /** The factory's simple name: the description XML is {@code <simple name>.xml} next to it. */
    public String factorySimpleName() {
        return factoryClass.substring(factoryClass.lastIndexOf('.') + 1);
    }

    /** KNIME's node type: Learner, Predictor, Manipulator or Other. */
    public String type() {
        return type;
    }

    /** One line for the node repository. */
    public String shortDescription() {
        return shortDescription;
    }

    /** The paragraphs of the description's introduction (plain text). */
    public List<String> intro() {
        return intro;
    }

    /** The engine step's name for messages ({@code cleaner}, {@code segmenter}). */
    public String step() {
        return step;
    }

    /** The settings the node stores: exactly these keys, each with its default. */
    public List<SettingSpec> specs() {
        return List.copyOf(specs.get());
    }

    /** The input ports, in order. */
    public List<PortDoc> inPorts() {
        return inPorts;
    }

    /** The output ports, in order. */
    public List<PortDoc> outPorts() {
        return outPorts;
    }

    /** Whether the node's table input is streamed (row-wise nodes). */
    public boolean streamable() {
        return streamable;
    }

    /** The values a freshly created node stores: every key with its default. */
    public Map<String, String> defaults() {
        return StepSettings.defaults(specs());
    }

    /**
     * Turns what the node stores into the engine's settings and validates them with the step's own
     * {@code fromSettings}: the same checks, defaults and messages as on the command line.
     *
     * @return the step's config (a {@code CleanerConfig}, {@code SegmenterConfig}, ...)
     * @throws org.example.segmentation.core.InputException naming the setting and what it allows
     */
    public Object parse(Map<String, String> stored) {
        return parser.apply(StepSettings.toEngine(step, stored, specs()));
    }

    @Override
    public String toString() {
        return name + " (" + factoryClass + ")";
    }
}
