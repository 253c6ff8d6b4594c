package org.example.segmentation.core.campaign;

import org.example.segmentation.core.table.Table;

/**
 * What {@link ControlGroupAssigner#assign} returns.
 *
 * @param table the input with the id column first and the {@link Group#COLUMN group} column last
 * @param plan  sizes, shares, balance and tests per stratum, and the salt and method used
 */
public record ControlGroupResult(Table table, ControlGroupPlan plan) {

    /** The id column and the group column only: the list a campaign tool needs. */
    public Table groups() {
        return table.select(plan.config().idColumn(), Group.COLUMN);
    }
}
