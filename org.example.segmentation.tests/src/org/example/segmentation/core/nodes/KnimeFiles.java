package org.example.segmentation.core.nodes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The files of the KNIME bundle and the workflow templates, read from the repository next to this module (tests
 * run with the module directory as working directory), and a namespace-aware XML parser.
 */
final class KnimeFiles {
    /** The repository root. */
    static final Path ROOT = root();
    /** The KNIME node bundle. */
    static final Path BUNDLE = ROOT.resolve("org.example.segmentation");
    /** The engine bundle. */
    static final Path ENGINE = ROOT.resolve("org.example.segmentation.core");
    /** The workflow templates. */
    static final Path WORKFLOWS = ROOT.resolve("workflows");

    private KnimeFiles() {
    }

    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("org.example.segmentation.core"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + here);
    }

    /** The source file of a class of the KNIME bundle. */
    static Path source(String className) {
        return BUNDLE.resolve("src").resolve(className.replace('.', '/') + ".java");
    }

    /** The description XML next to a factory. */
    static Path description(NodeDoc node) {
        return source(node.factoryClass()).resolveSibling(node.factorySimpleName() + ".xml");
    }

    /** Parses {@code file} (namespace-aware, no external entities). */
    static Document parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The element children of {@code e}. */
    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        NodeList nl = e.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nl.item(i));
            }
        }
        return out;
    }

    /** The element children of {@code e} with this local name. */
    static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Element c : children(e)) {
            if (name.equals(c.getLocalName())) {
                out.add(c);
            }
        }
        return out;
    }

    /** The child config of a KNIME XMLConfig element with this key, or null. */
    static Element config(Element parent, String key) {
        for (Element c : children(parent, "config")) {
            if (key.equals(c.getAttribute("key"))) {
                return c;
            }
        }
        return null;
    }

    /** The value of the child entry with this key, or null when there is no such entry. */
    static String entry(Element parent, String key) {
        for (Element c : children(parent, "entry")) {
            if (key.equals(c.getAttribute("key"))) {
                return "true".equals(c.getAttribute("isnull")) ? null : unescape(c.getAttribute("value"));
            }
        }
        return null;
    }

    /** KNIME's XMLConfig escapes control characters as {@code %%NNNNN}. */
    static String unescape(String v) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < v.length()) {
            if (v.startsWith("%%", i) && i + 7 <= v.length() && v.substring(i + 2, i + 7).chars().allMatch(Character::isDigit)) {
                b.append((char) Integer.parseInt(v.substring(i + 2, i + 7)));
                i += 7;
            } else {
                b.append(v.charAt(i++));
            }
        }
        return b.toString();
    }
}
