package org.example.segmentation.core.nodes;

import java.util.List;

import org.example.segmentation.core.settings.SettingSpec;

/**
 * Writes a node's description in KNIME's node description format (namespace {@value #NAMESPACE}): name, short
 * description, introduction, one option per setting key with its default and allowed values, and every port with
 * the columns of table outputs. The KNIME bundle ships the output of {@link #write} as
 * {@code <FactorySimpleName>.xml} next to each factory; a test checks that the shipped files are up to date.
 */
public final class DescriptionXml {

    /** KNIME's node description namespace (schema Node_v4.1.xsd in org.knime.core). */
    public static final String NAMESPACE = "http://knime.org/node/v4.1";

    private DescriptionXml() {
    }

    /** The icon's file name, next to the factory. */
    public static String iconName(NodeDoc node) {
        return node.id() + ".png";
    }

    /** The description document of {@code node}. */
    public static String write(NodeDoc node) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<!-- Written by org.example.segmentation.core.nodes.DescriptionXml from the node catalog; ")
                .append("regenerate, do not edit. -->\n");
        b.append("<knimeNode icon=\"./").append(esc(iconName(node))).append("\" type=\"").append(node.type())
                .append("\" xmlns=\"").append(NAMESPACE).append("\"\n")
                .append("        xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                .append("        xsi:schemaLocation=\"").append(NAMESPACE).append(' ').append(NAMESPACE)
                .append("/Node_v4.1.xsd\">\n");
        b.append("    <name>").append(esc(node.name())).append("</name>\n");
        b.append("    <shortDescription>").append(esc(node.shortDescription())).append("</shortDescription>\n");
        b.append("    <fullDescription>\n");
        b.append("        <intro>\n");
        for (String p : node.intro()) {
            b.append("            <p>").append(esc(p)).append("</p>\n");
        }
        if (node.specs().isEmpty()) {
            b.append("            <p>This node has no settings: everything comes from the model at its input.</p>\n");
        }
        b.append("        </intro>\n");
        for (SettingSpec s : node.specs()) {
            b.append("        <option name=\"").append(esc(s.key())).append("\">").append(esc(sentence(s.description())));
            if (StepSettings.isPattern(s)) {
                b.append(" One <tt>").append(esc(s.key().substring(StepSettings.patternPrefix(s).length())))
                        .append("=value</tt> per line.");
            }
            b.append(" Default: ");
            if (s.defaultValue().isEmpty()) {
                b.append("none (empty).");
            } else {
                b.append("<tt>").append(esc(s.defaultValue())).append("</tt>.");
            }
            if (!s.allowed().isEmpty()) {
                b.append(" Allowed: <tt>").append(esc(String.join(", ", s.allowed()))).append("</tt>.");
            }
            b.append("</option>\n");
        }
        b.append("    </fullDescription>\n");
        b.append("    <ports>\n");
        ports(b, "inPort", node.inPorts());
        ports(b, "outPort", node.outPorts());
        b.append("    </ports>\n");
        b.append("</knimeNode>\n");
        return b.toString();
    }

    private static void ports(StringBuilder b, String element, List<PortDoc> ports) {
        for (int i = 0; i < ports.size(); i++) {
            PortDoc p = ports.get(i);
            b.append("        <").append(element).append(" index=\"").append(i).append("\" name=\"")
                    .append(esc(p.name())).append("\">");
            b.append(esc(p.description()));
            if (p.optional()) {
                b.append(" (Optional.)");
            }
            if (!p.columns().isEmpty()) {
                b.append("\n            <ul>\n");
                for (ColumnDoc c : p.columns()) {
                    b.append("                <li><b>").append(esc(c.name())).append("</b>: ").append(esc(c.description()))
                            .append("</li>\n");
                }
                b.append("            </ul>\n        ");
            }
            b.append("</").append(element).append(">\n");
        }
    }

    private static String sentence(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return t;
        }
        return t.endsWith(".") ? t : t + ".";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
