package org.example.segmentation.core.segmentation;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.example.segmentation.core.io.AtomicFile;
import org.example.segmentation.core.model.Engine;

/**
 * Writes a {@link SegmentationModel} as a PMML 4.4 {@code ClusteringModel} (center-based, squared Euclidean
 * distance) that a PMML engine scores like {@link SegmentationModel#assign}: same nearest segment, same squared
 * distance up to rounding.
 *
 * <p>Layout (see {@code docs/segmentation.md}, "PMML"):
 * <ul>
 * <li>{@code DataDictionary}: one {@code DataField} per feature, numeric ones {@code double}/{@code continuous},
 * categorical ones {@code string}/{@code categorical} with a {@code Value} per level seen at fit. Identifier columns
 * are not part of the model.</li>
 * <li>{@code MiningSchema}: every feature active; categorical ones with {@code invalidValueTreatment="asIs"}, so a
 * level unseen at fit is passed through and gives 0 in every one-hot dimension of its feature, as assign does.
 * Missing values are not imputed (assign refuses them too).</li>
 * <li>{@code LocalTransformations}: per numeric feature a {@code DerivedField} {@code NormContinuous} with the
 * points ({@code orig=center, norm=0}) and ({@code orig=center+scale, norm=1}) and {@code outliers="asIs"}, i.e.
 * {@code (x - center) / scale} extrapolated over the whole line; per categorical level a {@code DerivedField}
 * {@code Apply("*", NormDiscrete(feature = level), w)}: the one-hot indicator times the feature's weight {@code w},
 * exactly the coordinate assign uses.</li>
 * <li>{@code ClusteringField} per derived field, in the feature-space layout order, all with {@code fieldWeight=1};
 * {@code Cluster} per segment in id order ({@code id} = segment id, {@code name} = segment name, {@code size}) with
 * the centroid as it is in the model ({@code Array type="real"}).</li>
 * <li>{@code Output}: the segment id ({@code predictedValue}), the segment name ({@code predictedDisplayValue}) and
 * the squared distance to it ({@code entityAffinity}).</li>
 * </ul>
 * Baking {@code w} into the derived field (rather than {@code fieldWeight = w²} with centroids divided by
 * {@code w}) keeps the one-hot coordinates and the centroids bit-for-bit those of assign, so the categorical terms
 * of the distance are identical; numbers are written with {@link Double#toString}, which reads back exactly.
 */
public final class SegmentationPmml {
    /** The PMML namespace written. */
    public static final String NAMESPACE = "http://www.dmg.org/PMML-4_4";
    /** The usual file name, next to {@link SegmentationModel#FILE_NAME}. */
    public static final String FILE_NAME = "segmentation_model.pmml";
    /** The output field with the segment id. */
    public static final String OUTPUT_ID = "segment_id";
    /** The output field with the segment name. */
    public static final String OUTPUT_NAME = "segment";
    /** The output field with the squared distance to the segment's centroid. */
    public static final String OUTPUT_DISTANCE = "segment_distance_squared";

    private SegmentationPmml() {
    }

    /** The PMML document, UTF-8. */
    public static byte[] toPmml(SegmentationModel model) {
        Objects.requireNonNull(model, "model");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(model, out);
        return out.toByteArray();
    }

    /** Writes the PMML document to {@code target} atomically (replacing it). */
    public static void write(SegmentationModel model, Path target) {
        Objects.requireNonNull(model, "model");
        byte[] bytes = toPmml(model);
        AtomicFile.write(target, out -> out.write(bytes));
    }

    private static void writeTo(SegmentationModel model, OutputStream out) {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new Writer(x, model).write();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write PMML: " + e.getMessage(), e);
        }
    }

    /** Streams the document with two-space indentation. */
    private static final class Writer {
        private final XMLStreamWriter x;
        private final SegmentationModel model;
        private final FeatureSpace space;
        private int depth;

        Writer(XMLStreamWriter x, SegmentationModel model) {
            this.x = x;
            this.model = model;
            this.space = model.featureSpace();
        }

        void write() throws XMLStreamException {
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("PMML");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeAttribute("version", "4.4");
            depth = 1;

            start("Header");
            attr("description", "Customer segmentation: " + model.k() + " segments, " + model.algorithm().key()
                    + ", squared Euclidean distance in the segmentation feature space");
            empty("Application");
            attr("name", "org.example.segmentation");
            attr("version", Engine.VERSION);
            textStart("Timestamp");
            x.writeCharacters(model.provenance().createdAt());
            x.writeEndElement();
            end();

            List<NumericFeature> numeric = space.numericFeatures();
            List<CategoricalFeature> categorical = space.categoricalFeatures();

            start("DataDictionary");
            attr("numberOfFields", Integer.toString(numeric.size() + categorical.size()));
            for (NumericFeature f : numeric) {
                empty("DataField");
                attr("name", f.name());
                attr("optype", "continuous");
                attr("dataType", "double");
            }
            for (CategoricalFeature f : categorical) {
                start("DataField");
                attr("name", f.name());
                attr("optype", "categorical");
                attr("dataType", "string");
                for (String level : f.levels()) {
                    empty("Value");
                    attr("value", level);
                }
                end();
            }
            end();

            // Derived and output field names must not clash with each other or with the features.
            Set<String> used = new HashSet<>(space.featureNames());
            List<String> derived = new ArrayList<>();
            for (NumericFeature f : numeric) {
                derived.add(unique("norm(" + f.name() + ")", used));
            }
            for (CategoricalFeature f : categorical) {
                for (String level : f.levels()) {
                    derived.add(unique("onehot(" + f.name() + "=" + level + ")", used));
                }
            }
            String outId = unique(OUTPUT_ID, used);
            String outName = unique(OUTPUT_NAME, used);
            String outDistance = unique(OUTPUT_DISTANCE, used);

            start("ClusteringModel");
            attr("modelName", "segmentation");
            attr("functionName", "clustering");
            attr("algorithmName", model.algorithm().key());
            attr("modelClass", "centerBased");
            attr("numberOfClusters", Integer.toString(model.k()));

            start("MiningSchema");
            for (NumericFeature f : numeric) {
                empty("MiningField");
                attr("name", f.name());
                attr("usageType", "active");
            }
            for (CategoricalFeature f : categorical) {
                empty("MiningField");
                attr("name", f.name());
                attr("usageType", "active");
                attr("invalidValueTreatment", "asIs");
            }
            end();

            start("Output");
            outputField(outId, "string", "predictedValue");
            outputField(outName, "string", "predictedDisplayValue");
            empty("OutputField");
            attr("name", outDistance);
            attr("optype", "continuous");
            attr("dataType", "double");
            attr("feature", "entityAffinity");
            end();

            start("LocalTransformations");
            int dim = 0;
            for (NumericFeature f : numeric) {
                start("DerivedField");
                attr("name", derived.get(dim++));
                attr("optype", "continuous");
                attr("dataType", "double");
                start("NormContinuous");
                attr("field", f.name());
                attr("outliers", "asIs");
                empty("LinearNorm");
                attr("orig", num(f.center()));
                attr("norm", "0");
                empty("LinearNorm");
                attr("orig", num(f.center() + f.scale()));
                attr("norm", "1");
                end();
                end();
            }
            for (CategoricalFeature f : categorical) {
                for (String level : f.levels()) {
                    start("DerivedField");
                    attr("name", derived.get(dim++));
                    attr("optype", "continuous");
                    attr("dataType", "double");
                    start("Apply");
                    attr("function", "*");
                    empty("NormDiscrete");
                    attr("field", f.name());
                    attr("value", level);
                    textStart("Constant");
                    attr("dataType", "double");
                    x.writeCharacters(num(f.weight()));
                    x.writeEndElement();
                    end();
                    end();
                }
            }
            end();

            start("ComparisonMeasure");
            attr("kind", "distance");
            attr("compareFunction", "absDiff");
            empty("squaredEuclidean");
            end();

            for (String name : derived) {
                empty("ClusteringField");
                attr("field", name);
                attr("isCenterField", "true");
                attr("fieldWeight", "1");
            }

            double[][] centroids = model.centroids();
            for (int c = 0; c < model.k(); c++) {
                Segment s = model.segments().get(c);
                start("Cluster");
                attr("id", s.id());
                attr("name", s.name());
                attr("size", Integer.toString(s.size()));
                textStart("Array");
                attr("n", Integer.toString(centroids[c].length));
                attr("type", "real");
                StringBuilder b = new StringBuilder();
                for (int j = 0; j < centroids[c].length; j++) {
                    if (j > 0) {
                        b.append(' ');
                    }
                    b.append(num(centroids[c][j]));
                }
                x.writeCharacters(b.toString());
                x.writeEndElement();
                end();
            }

            end(); // ClusteringModel
            x.writeCharacters("\n");
            x.writeEndElement(); // PMML
            x.writeCharacters("\n");
            x.writeEndDocument();
        }

        private void outputField(String name, String dataType, String feature) throws XMLStreamException {
            empty("OutputField");
            attr("name", name);
            attr("optype", "categorical");
            attr("dataType", dataType);
            attr("feature", feature);
        }

        private void indent() throws XMLStreamException {
            x.writeCharacters("\n" + "  ".repeat(depth));
        }

        private void start(String name) throws XMLStreamException {
            indent();
            x.writeStartElement(NAMESPACE, name);
            depth++;
        }

        /** Starts an element that holds text; the caller ends it with {@code writeEndElement}. */
        private void textStart(String name) throws XMLStreamException {
            indent();
            x.writeStartElement(NAMESPACE, name);
        }

        private void empty(String name) throws XMLStreamException {
            indent();
            x.writeEmptyElement(NAMESPACE, name);
        }

        private void attr(String name, String value) throws XMLStreamException {
            x.writeAttribute(name, value);
        }

        private void end() throws XMLStreamException {
            depth--;
            indent();
            x.writeEndElement();
        }
    }

    private static String unique(String base, Set<String> used) {
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** A finite double as text that reads back to the same double. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot write a non-finite number to PMML: " + v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
