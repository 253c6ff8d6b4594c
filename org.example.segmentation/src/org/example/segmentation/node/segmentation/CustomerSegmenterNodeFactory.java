package org.example.segmentation.node.segmentation;

import org.example.segmentation.node.common.StepNodeFactory;

/** The factory of the Customer Segmenter node; its description is CustomerSegmenterNodeFactory.xml next to it. */
public final class CustomerSegmenterNodeFactory extends StepNodeFactory<CustomerSegmenterNodeModel> {

    /** The factory KNIME instantiates. */
    public CustomerSegmenterNodeFactory() {
        super("customer_segmenter", true);
    }

    @Override
    public CustomerSegmenterNodeModel createNodeModel() {
        return new CustomerSegmenterNodeModel();
    }
}
