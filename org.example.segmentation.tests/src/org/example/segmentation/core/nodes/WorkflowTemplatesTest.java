package org.example.segmentation.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The three KNIME workflow templates: every node's settings.xml exists, names one of our factories or one of the
 * KNIME nodes the templates use, and our nodes store only their step's keys with values the engine accepts; every
 * connection joins existing nodes on existing ports.
 */
class WorkflowTemplatesTest {
    static final List<String> TEMPLATES = List.of("01-build-segmentation", "02-monthly-scoring-and-drift",
            "03-control-group-uplift");
    /** KNIME's own nodes the templates use, with their output port counts. */
    static final Map<String, Integer> KNIME_NODES = Map.of(
            "org.knime.base.node.io.csvreader.CSVReaderNodeFactory", 1,
            "org.knime.base.node.io.portobject.PortObjectReaderNodeFactory", 1,
            "org.knime.base.node.io.portobject.PortObjectWriterNodeFactory", 0);
    /** Their input port counts. */
    static final Map<String, Integer> KNIME_INPUTS = Map.of(
            "org.knime.base.node.io.csvreader.CSVReaderNodeFactory", 0,
            "org.knime.base.node.io.portobject.PortObjectReaderNodeFactory", 0,
            "org.knime.base.node.io.portobject.PortObjectWriterNodeFactory", 1);

    @Test
    void everyTemplateLoadsWithValidNodesSettingsAndConnections() throws IOException {
        int ours = 0;
        for (String name : TEMPLATES) {
            Path dir = KnimeFiles.WORKFLOWS.resolve(name);
            Element wf = KnimeFiles.parse(dir.resolve("workflow.knime")).getDocumentElement();
            assertEquals("http://www.knime.org/2008/09/XMLConfig", wf.getNamespaceURI());
            Map<Integer, String> factories = new HashMap<>();
            for (Element node : KnimeFiles.children(KnimeFiles.config(wf, "nodes"), "config")) {
                int id = Integer.parseInt(KnimeFiles.entry(node, "id"));
                assertEquals("NativeNode", KnimeFiles.entry(node, "node_type"));
                Path settings = dir.resolve(KnimeFiles.entry(node, "node_settings_file"));
                assertTrue(Files.isRegularFile(settings), settings.toString());
                assertTrue(settings.getParent().getFileName().toString().endsWith("(#" + id + ")"), settings.toString());
                Element s = KnimeFiles.parse(settings).getDocumentElement();
                String factory = KnimeFiles.entry(s, "factory");
                factories.put(id, factory);
                Element model = KnimeFiles.config(s, "model");
                assertNotNull(model, settings + " has no model settings");
                Optional<NodeDoc> doc = NodeCatalog.byFactory(factory);
                if (doc.isPresent()) {
                    ours++;
                    checkOurSettings(settings, doc.get(), model);
                    assertEquals(doc.get().name(), KnimeFiles.entry(s, "node-name"), settings.toString());
                } else {
                    assertTrue(KNIME_NODES.containsKey(factory), settings + ": unknown factory " + factory);
                }
            }
            for (Element c : KnimeFiles.children(KnimeFiles.config(wf, "connections"), "config")) {
                int src = Integer.parseInt(KnimeFiles.entry(c, "sourceID"));
                int dst = Integer.parseInt(KnimeFiles.entry(c, "destID"));
                int sp = Integer.parseInt(KnimeFiles.entry(c, "sourcePort"));
                int dp = Integer.parseInt(KnimeFiles.entry(c, "destPort"));
                assertTrue(factories.containsKey(src) && factories.containsKey(dst), name + " connection " + src);
                assertTrue(sp >= 1 && sp <= outputs(factories.get(src)), name + ": no output " + sp + " at " + src);
                assertTrue(dp >= 1 && dp <= inputs(factories.get(dst)), name + ": no input " + dp + " at " + dst);
            }
        }
        assertEquals(12, ours, "the templates use our nodes: " + ours);
    }

    private static int outputs(String factory) {
        return NodeCatalog.byFactory(factory).map(d -> d.outPorts().size()).orElseGet(() -> KNIME_NODES.get(factory));
    }

    private static int inputs(String factory) {
        return NodeCatalog.byFactory(factory).map(d -> d.inPorts().size()).orElseGet(() -> KNIME_INPUTS.get(factory));
    }

    private static void checkOurSettings(Path settings, NodeDoc doc, Element model) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element e : KnimeFiles.children(model, "entry")) {
            assertEquals("xstring", e.getAttribute("type"), settings + " " + e.getAttribute("key"));
            values.put(e.getAttribute("key"), KnimeFiles.entry(model, e.getAttribute("key")));
        }
        Set<String> known = doc.defaults().keySet();
        for (String k : values.keySet()) {
            assertTrue(known.contains(k), settings + ": '" + k + "' is not a setting of " + doc.name());
        }
        // keys a template leaves out take their defaults, as when KNIME loads an older node
        doc.parse(values); // the engine's fromSettings accepts every value (throws naming the key otherwise)
    }
}
