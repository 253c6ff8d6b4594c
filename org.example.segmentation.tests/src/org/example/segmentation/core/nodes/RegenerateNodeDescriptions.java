package org.example.segmentation.core.nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites the node description XML next to every factory of the KNIME bundle from the catalog (the golden
 * files {@link KnimeBundleFilesTest} compares against). Run it from the repository root after changing a step's
 * SPECS or the catalog, on the engine classes plus Jackson:
 *
 * <pre>
 * ./mvnw -o -q compile -pl org.example.segmentation.core
 * M=~/.m2/repository/com/fasterxml/jackson/core
 * java -cp org.example.segmentation.core/target/classes:$M/jackson-databind/2.18.2/jackson-databind-2.18.2.jar:$M/jackson-core/2.18.2/jackson-core-2.18.2.jar:$M/jackson-annotations/2.18.2/jackson-annotations-2.18.2.jar \
 *     org.example.segmentation.tests/src/org/example/segmentation/core/nodes/RegenerateNodeDescriptions.java
 * </pre>
 */
public final class RegenerateNodeDescriptions {

    private RegenerateNodeDescriptions() {
    }

    /** Writes every description; prints the files it changed. */
    public static void main(String[] args) throws IOException {
        Path bundle = Path.of(args.length > 0 ? args[0] : "org.example.segmentation");
        for (NodeDoc node : NodeCatalog.all()) {
            String cls = node.factoryClass();
            Path file = bundle.resolve("src").resolve(cls.substring(0, cls.lastIndexOf('.')).replace('.', '/'))
                    .resolve(node.factorySimpleName() + ".xml");
            String xml = DescriptionXml.write(node);
            if (!Files.exists(file) || !Files.readString(file).equals(xml)) {
                Files.writeString(file, xml);
                System.out.println("wrote " + file);
            }
        }
    }
}
