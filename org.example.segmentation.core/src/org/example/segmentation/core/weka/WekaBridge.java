package org.example.segmentation.core.weka;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.Names;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

import weka.attributeSelection.AttributeEvaluator;
import weka.clusterers.Clusterer;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Converts an engine {@link Table} to Weka's {@link Instances}, and reads Weka's answers back as primitive
 * arrays. Used to run Weka's algorithms on our data (reference numbers in tests, benchmarks, Weka-backed
 * steps).
 *
 * <p><b>How values map.</b> Attributes follow the table's column order, one per column, with the column's name
 * unchanged (any UTF-8 text, e.g. {@code "Região"}); the relation is named {@value #RELATION}.
 * <ul>
 * <li>A <b>numeric</b> column becomes a numeric attribute. Each value is copied as is, infinities included;
 * a missing value becomes {@link Utils#missingValue()}. Weka encodes missing as {@code NaN}, so a {@code NaN}
 * the table holds as a value (not flagged missing) is missing for Weka too.</li>
 * <li>A <b>categorical</b> column becomes a nominal attribute whose labels are the column's dictionary, in
 * dictionary order, including levels no row uses: the Weka value of a row is its code (label index
 * {@code code}, so {@code attribute.value(code)} is the level), and code {@code -1} (missing) becomes
 * {@link Utils#missingValue()}.</li>
 * <li>A <b>text</b> column (identifiers, free text) has no Weka counterpart here: with
 * {@link TextColumns#REJECT} (the default) conversion fails with an {@link InputException} naming every text
 * column; with {@link TextColumns#SKIP} text columns are left out, and the attributes of the other columns
 * keep their relative order (so attribute {@code i} is then not column {@code i}: match by
 * {@code attribute(i).name()}).</li>
 * <li>The optional <b>class</b> column (named, numeric or categorical) stays at its position and is set as
 * the class index; without one the class index is {@code -1}, as clusterers require.</li>
 * </ul>
 * Every row becomes one {@link DenseInstance} of weight 1 built from a fresh {@code double[]}; the instances
 * are created with capacity {@code rowCount}. {@link Instances#add} keeps that array (it copies only the small
 * instance object), so the data takes one {@code double} per cell.
 *
 * <p>Every method first prepares Weka (see {@link #ensureInitialized()}), so that Weka never writes to the
 * user's home directory.
 */
public final class WekaBridge {

    /** The relation name of every converted table. */
    public static final String RELATION = "segmentation";

    /** What {@link #toInstances(Table, String, TextColumns)} does with text columns. */
    public enum TextColumns {
        /** Fail with an {@link InputException} naming the text columns. */
        REJECT,
        /** Leave text columns out. */
        SKIP
    }

    private WekaBridge() {
    }

    /**
     * Prepares Weka for the engine, once: its home directory away from the user's home, no package loading,
     * no network, its logging to {@code System.getLogger("weka")}. Call it before using Weka classes that
     * were not reached through this class.
     */
    public static void ensureInitialized() {
        WekaRuntime.ensureInitialized();
    }

    /**
     * All columns of {@code table} as instances without a class attribute.
     *
     * @throws InputException when the table has a text column
     */
    public static Instances toInstances(Table table) {
        return toInstances(table, null, TextColumns.REJECT);
    }

    /**
     * All columns of {@code table} as instances, with {@code classColumn} as the class attribute.
     *
     * @param classColumn the class column's name, or {@code null} for none
     * @throws InputException when the table has a text column, or the class column does not exist or is text
     */
    public static Instances toInstances(Table table, String classColumn) {
        return toInstances(table, classColumn, TextColumns.REJECT);
    }

    /**
     * The table as instances, as described in the class comment.
     *
     * @param classColumn the class column's name, or {@code null} for none
     * @param text        what to do with text columns
     * @throws InputException naming the text columns (with {@link TextColumns#REJECT}), or when the class column
     *                        does not exist or is text
     */
    public static Instances toInstances(Table table, String classColumn, TextColumns text) {
        ensureInitialized();
        List<Column> used = new ArrayList<>(table.columnCount());
        List<String> textNames = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.type() == ColumnType.TEXT) {
                textNames.add(c.name());
            } else {
                used.add(c);
            }
        }
        if (classColumn != null) {
            if (!table.hasColumn(classColumn)) {
                throw new InputException("class column '" + classColumn + "' does not exist; the table has "
                        + Names.quote(table.columnNames()));
            }
            if (table.column(classColumn).type() == ColumnType.TEXT) {
                throw new InputException("class column '" + classColumn
                        + "' is text; a Weka class must be a numeric or categorical column");
            }
        }
        if (text != TextColumns.SKIP && !textNames.isEmpty()) {
            throw new InputException((textNames.size() == 1 ? "column " : "columns ") + Names.quote(textNames)
                    + (textNames.size() == 1 ? " is" : " are")
                    + " text; Weka needs numeric or categorical columns (drop or convert "
                    + (textNames.size() == 1 ? "it" : "them") + " first)");
        }

        int width = used.size();
        ArrayList<Attribute> attributes = new ArrayList<>(width);
        NumericColumn[] numeric = new NumericColumn[width];
        CategoricalColumn[] categorical = new CategoricalColumn[width];
        int classIndex = -1;
        for (int j = 0; j < width; j++) {
            Column c = used.get(j);
            if (c instanceof NumericColumn n) {
                numeric[j] = n;
                attributes.add(new Attribute(c.name()));
            } else {
                CategoricalColumn k = (CategoricalColumn) c;
                categorical[j] = k;
                attributes.add(new Attribute(c.name(), new ArrayList<>(k.levels())));
            }
            if (c.name().equals(classColumn)) {
                classIndex = j;
            }
        }

        int rows = table.rowCount();
        Instances data = new Instances(RELATION, attributes, rows);
        double missing = Utils.missingValue();
        for (int i = 0; i < rows; i++) {
            double[] values = new double[width];
            for (int j = 0; j < width; j++) {
                if (numeric[j] != null) {
                    values[j] = numeric[j].isMissing(i) ? missing : numeric[j].value(i);
                } else {
                    int code = categorical[j].code(i);
                    values[j] = code == CategoricalColumn.MISSING ? missing : code;
                }
            }
            data.add(new DenseInstance(1.0, values));
        }
        data.setClassIndex(classIndex);
        return data;
    }

    /**
     * The cluster of every instance, in row order, from a built clusterer.
     *
     * @throws IllegalStateException when Weka cannot assign an instance (the message names the row)
     */
    public static int[] clusterAssignments(Clusterer clusterer, Instances data) {
        ensureInitialized();
        int[] out = new int[data.numInstances()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = clusterer.clusterInstance(data.instance(i));
            } catch (Exception e) {
                throw new IllegalStateException("Weka " + clusterer.getClass().getSimpleName()
                        + " could not assign row " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The merit of every attribute from a built single-attribute evaluator (such as
     * {@code InfoGainAttributeEval}), indexed like the attributes of {@code data}, the instances the evaluator
     * was built on; the class attribute's entry is {@code NaN}.
     *
     * @throws IllegalStateException when Weka cannot evaluate an attribute (the message names it)
     */
    public static double[] attributeMerits(AttributeEvaluator evaluator, Instances data) {
        ensureInitialized();
        double[] out = new double[data.numAttributes()];
        for (int j = 0; j < out.length; j++) {
            if (j == data.classIndex()) {
                out[j] = Double.NaN;
                continue;
            }
            try {
                out[j] = evaluator.evaluateAttribute(j);
            } catch (Exception e) {
                throw new IllegalStateException("Weka " + evaluator.getClass().getSimpleName()
                        + " could not evaluate attribute '" + data.attribute(j).name() + "': " + e.getMessage(), e);
            }
        }
        return out;
    }
}
