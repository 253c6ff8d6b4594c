package org.example.segmentation.cli.pipeline;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.campaign.ControlGroupAssigner;
import org.example.segmentation.core.campaign.ControlGroupConfig;
import org.example.segmentation.core.campaign.ControlGroupPlan;
import org.example.segmentation.core.campaign.ControlGroupResult;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.settings.Settings;

/**
 * {@code control}: holds out control groups ({@link ControlGroupConfig} keys; {@code salt} is required) among this
 * run's customers, usually stratified by {@code segment}; appends the column {@code group} to the customers and writes
 * {@value ControlGroupPlan#TABLE_FILE_NAME} and {@value ControlGroupPlan#JSON_FILE_NAME}.
 */
final class ControlStep implements PipelineStep {

    @Override
    public String name() {
        return "control";
    }

    @Override
    public void validate(Settings settings, PipelineDefinition pipeline) {
        Steps.requireStep(pipeline, "clean", "before it (it assigns the cleaned customers)");
        ControlGroupConfig.fromSettings(settings);
    }

    @Override
    public String run(PipelineRun run, Settings settings, Progress progress) {
        ControlGroupResult r = ControlGroupAssigner.assign(run.customers, ControlGroupConfig.fromSettings(settings),
                progress);
        run.control = r.plan();
        run.customers = r.table();
        CsvWriter.defaults().write(r.plan().toTable(), run.out.file(ControlGroupPlan.TABLE_FILE_NAME));
        r.plan().saveJson(run.out.file(ControlGroupPlan.JSON_FILE_NAME));
        r.plan().warnings().forEach(w -> run.warn("control: " + w));
        var all = r.plan().overall();
        return all.treatment() + " treatment, " + all.control() + " control"
                + (r.plan().config().hasHoldout() ? ", " + all.holdout() + " holdout" : "");
    }
}
