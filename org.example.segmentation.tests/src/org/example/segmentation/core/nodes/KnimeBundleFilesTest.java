package org.example.segmentation.core.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.example.segmentation.core.settings.SettingSpec;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks the KNIME bundle's files without KNIME: plugin.xml names only factories and port classes whose sources
 * exist, every factory has its up-to-date description XML in namespace v4.1 that documents every setting key,
 * port and output column, every node has a 16x16 PNG icon, and no engine source imports KNIME.
 */
class KnimeBundleFilesTest {

    private static Element plugin() throws IOException {
        return KnimeFiles.parse(KnimeFiles.BUNDLE.resolve("plugin.xml")).getDocumentElement();
    }

    private static List<Element> extensions(String point) throws IOException {
        List<Element> out = new ArrayList<>();
        for (Element e : KnimeFiles.children(plugin(), "extension")) {
            if (point.equals(e.getAttribute("point"))) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void pluginXmlRegistersExactlyTheCatalogFactoriesAndTheirSourcesExist() throws IOException {
        Set<String> registered = new LinkedHashSet<>();
        for (Element ext : extensions("org.knime.workbench.repository.nodes")) {
            for (Element node : KnimeFiles.children(ext, "node")) {
                String factory = node.getAttribute("factory-class");
                assertTrue(registered.add(factory), "registered twice: " + factory);
                assertEquals(NodeCatalog.CATEGORY_PATH, node.getAttribute("category-path"), factory);
                assertTrue(Files.isRegularFile(KnimeFiles.source(factory)), "no source for " + factory);
                String simple = factory.substring(factory.lastIndexOf('.') + 1);
                String src = Files.readString(KnimeFiles.source(factory));
                assertTrue(src.contains("public final class " + simple + " extends StepNodeFactory<"),
                        factory + " is not a StepNodeFactory");
            }
        }
        Set<String> catalog = new LinkedHashSet<>();
        NodeCatalog.all().forEach(n -> catalog.add(n.factoryClass()));
        assertEquals(catalog, registered);
    }

    @Test
    void categoryIsOursUnderCommunityWithAnIcon() throws IOException {
        List<Element> cats = KnimeFiles.children(extensions("org.knime.workbench.repository.categories").get(0),
                "category");
        assertEquals(1, cats.size());
        Element c = cats.get(0);
        assertEquals("/community", c.getAttribute("path"));
        assertEquals(NodeCatalog.CATEGORY_LEVEL_ID, c.getAttribute("level-id"));
        assertEquals(NodeCatalog.CATEGORY_NAME, c.getAttribute("name"));
        assertPng16(KnimeFiles.BUNDLE.resolve(c.getAttribute("icon")));
    }

    @Test
    void everyModelPortKindIsRegisteredWithExistingClassesAndNestedSerializers() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Element ext : extensions("org.knime.core.PortType")) {
            for (Element p : KnimeFiles.children(ext, "portType")) {
                names.add(p.getAttribute("name"));
                for (String attr : List.of("objectClass", "specClass")) {
                    String cls = p.getAttribute(attr);
                    assertTrue(Files.isRegularFile(KnimeFiles.source(cls)), attr + " " + cls + " has no source");
                    String serializer = p.getAttribute(attr.replace("Class", "Serializer"));
                    assertEquals(cls + "$Serializer", serializer);
                    assertTrue(Files.readString(KnimeFiles.source(cls)).contains("public static final class Serializer"),
                            cls + " has no nested Serializer");
                }
                assertTrue(p.getAttribute("color").matches("#[0-9A-Fa-f]{6}"), p.getAttribute("name"));
            }
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (PortKind k : PortKind.values()) {
            if (k.isModel()) {
                kinds.add(k.label());
            }
        }
        assertEquals(kinds, names);
    }

    @Test
    void everyFactoryHasItsDescriptionUpToDateInNamespace41() throws IOException {
        for (NodeDoc node : NodeCatalog.all()) {
            Path file = KnimeFiles.description(node);
            assertTrue(Files.isRegularFile(file), "no description " + file);
            Document doc = KnimeFiles.parse(file);
            Element root = doc.getDocumentElement();
            assertEquals("knimeNode", root.getLocalName(), file.toString());
            assertEquals(DescriptionXml.NAMESPACE, root.getNamespaceURI(), file.toString());
            assertEquals(DescriptionXml.write(node), Files.readString(file), file + " is stale: regenerate it with "
                    + "DescriptionXml.write (see org.example.segmentation/API-CHECKED.md)");
        }
    }

    @Test
    void descriptionsFollowTheSchemaOrderAndDocumentEveryKeyPortAndColumn() throws IOException {
        for (NodeDoc node : NodeCatalog.all()) {
            Element root = KnimeFiles.parse(KnimeFiles.description(node)).getDocumentElement();
            List<String> order = KnimeFiles.children(root).stream().map(Element::getLocalName).toList();
            assertEquals(List.of("name", "shortDescription", "fullDescription", "ports"), order, node.id());
            assertTrue(List.of("Source", "Sink", "Learner", "Predictor", "Manipulator", "Visualizer", "Other")
                    .contains(root.getAttribute("type")), node.id());
            Element full = KnimeFiles.children(root, "fullDescription").get(0);
            assertEquals("intro", KnimeFiles.children(full).get(0).getLocalName());
            List<String> options = KnimeFiles.children(full, "option").stream().map(e -> e.getAttribute("name"))
                    .toList();
            List<String> keys = node.specs().stream().map(SettingSpec::key).toList();
            assertEquals(keys, options, node.id() + ": every setting key is an option, in order");
            for (Element o : KnimeFiles.children(full, "option")) {
                assertTrue(o.getTextContent().contains("Default:"), node.id() + " option " + o.getAttribute("name"));
            }
            Element ports = KnimeFiles.children(root, "ports").get(0);
            checkPorts(node.id(), KnimeFiles.children(ports, "inPort"), node.inPorts());
            checkPorts(node.id(), KnimeFiles.children(ports, "outPort"), node.outPorts());
            String icon = root.getAttribute("icon");
            assertPng16(KnimeFiles.description(node).resolveSibling(icon));
        }
    }

    private static void checkPorts(String id, List<Element> elements, List<PortDoc> ports) {
        assertEquals(ports.size(), elements.size(), id);
        for (int i = 0; i < ports.size(); i++) {
            Element e = elements.get(i);
            assertEquals(String.valueOf(i), e.getAttribute("index"), id);
            assertEquals(ports.get(i).name(), e.getAttribute("name"), id);
            List<String> documented = new ArrayList<>();
            for (Element ul : KnimeFiles.children(e, "ul")) {
                for (Element li : KnimeFiles.children(ul, "li")) {
                    documented.add(KnimeFiles.children(li, "b").get(0).getTextContent());
                }
            }
            assertEquals(ports.get(i).columns().stream().map(ColumnDoc::name).toList(), documented,
                    id + " port " + i + ": every output column documented");
        }
    }

    private static void assertPng16(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), "no icon " + png);
        byte[] b;
        try (InputStream in = Files.newInputStream(png)) {
            b = in.readNBytes(24);
        }
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, java.util.Arrays.copyOf(b, 8),
                png + " is not a PNG");
        int width = ((b[16] & 0xff) << 24) | ((b[17] & 0xff) << 16) | ((b[18] & 0xff) << 8) | (b[19] & 0xff);
        int height = ((b[20] & 0xff) << 24) | ((b[21] & 0xff) << 16) | ((b[22] & 0xff) << 8) | (b[23] & 0xff);
        assertEquals(16, width, png.toString());
        assertEquals(16, height, png.toString());
    }

    @Test
    void noEngineSourceImportsKnime() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(KnimeFiles.ENGINE.resolve("src"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import org.knime") || line.startsWith("import static org.knime")) {
                        offenders.add(f + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
        String manifest = Files.readString(KnimeFiles.ENGINE.resolve("META-INF/MANIFEST.MF"));
        assertTrue(!manifest.contains("org.knime"), "the engine MANIFEST must not require KNIME");
    }

    @Test
    void nodeManifestRequiresKnimeInTheDeclaredRangeAndTheEngine() throws IOException {
        String m = Files.readString(KnimeFiles.BUNDLE.resolve("META-INF/MANIFEST.MF"));
        for (String b : List.of("org.knime.core", "org.knime.base", "org.knime.workbench.repository")) {
            assertTrue(m.contains(b + ";bundle-version=\"[5.1.0,6.0.0)\""), b);
        }
        assertTrue(m.contains("org.eclipse.core.runtime;bundle-version="));
        assertTrue(m.contains("org.example.segmentation.core;bundle-version="));
    }

    @Test
    void featureCarriesNodesEngineAndEveryBundleTheEngineRequires() throws IOException {
        Set<String> plugins = new LinkedHashSet<>();
        Element feature = KnimeFiles.parse(KnimeFiles.ROOT.resolve("feature/feature.xml")).getDocumentElement();
        for (Element p : KnimeFiles.children(feature, "plugin")) {
            plugins.add(p.getAttribute("id"));
        }
        List<String> missing = new ArrayList<>();
        List<String> required = new ArrayList<>(List.of("org.example.segmentation", "org.example.segmentation.core"));
        StringBuilder header = new StringBuilder();
        boolean in = false;
        for (String line : Files.readAllLines(KnimeFiles.ENGINE.resolve("META-INF/MANIFEST.MF"))) {
            if (line.startsWith("Require-Bundle:")) {
                in = true;
                header.append(line.substring("Require-Bundle:".length()));
            } else if (in && line.startsWith(" ")) {
                header.append(line.substring(1));
            } else {
                in = false;
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z0-9_.\\-]+);bundle-version")
                .matcher(header);
        while (m.find()) {
            required.add(m.group(1));
        }
        assertTrue(required.size() > 6, "read the engine's Require-Bundle: " + required);
        // what Weka and Commons Statistics need at run time (see target-platform/target-platform.target)
        required.addAll(List.of("wrapped.com.googlecode.matrix-toolkits-java.mtj", "wrapped.com.github.fommil.netlib.core",
                "wrapped.net.sourceforge.f2j.arpack_combined_all", "edankert.com.bounce",
                "org.apache.commons.numbers.core", "org.apache.commons.rng"));
        for (String r : required) {
            if (!plugins.contains(r)) {
                missing.add(r);
            }
        }
        assertEquals(List.of(), missing);
        String target = Files.readString(KnimeFiles.ROOT.resolve("target-platform/target-platform.target"));
        for (String p : plugins) {
            if (p.startsWith("org.example")) {
                continue;
            }
            String artifact = p.startsWith("wrapped.") ? p.substring(p.lastIndexOf('.') + 1) : p;
            assertTrue(target.contains(artifact.replace("org.apache.commons.commons-", "commons-")
                    .replace("com.fasterxml.jackson.core.", "").replace("edankert.com.", "")
                    .replace("org.apache.commons.statistics.", "commons-statistics-")
                    .replace("org.apache.commons.numbers.", "commons-numbers-")
                    .replace("org.apache.commons.rng.sampling", "commons-rng-sampling")
                    .replace("org.apache.commons.rng", "commons-rng-client-api")), p + " is not in the target");
        }
    }

    @Test
    void knimeProfileModulesExist() throws IOException {
        String pom = Files.readString(KnimeFiles.ROOT.resolve("pom.xml"));
        for (String m : List.of("org.example.segmentation", "feature", "update-site")) {
            assertTrue(pom.contains("<module>" + m + "</module>"), m);
            assertTrue(Files.isRegularFile(KnimeFiles.ROOT.resolve(m).resolve("pom.xml")), m);
        }
        assertTrue(Files.readString(KnimeFiles.BUNDLE.resolve("pom.xml"))
                .contains("<url>https://update.knime.com/analytics-platform/5.5</url>"));
        Element site = KnimeFiles.parse(KnimeFiles.ROOT.resolve("update-site/category.xml")).getDocumentElement();
        assertEquals("org.example.segmentation.feature", KnimeFiles.children(site, "feature").get(0).getAttribute("id"));
    }
}
