package org.example.segmentation.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading pipeline files: YAML and JSON, the flat settings maps, and errors that name file, step and key. */
class PipelineDefinitionTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void yamlAndJsonGiveTheSameSettingsInRunOrder() throws Exception {
        Path yaml = write("p.yaml", """
                name: monthly
                steps:
                  segment:
                    k: 6
                    features: [app_logins_30d, "Região, norte"]
                  clean:
                    id.columns: [customer_id]
                    scaling: robust
                  profile:
                    labels: {app_logins_30d: app use}
                """);
        Path json = write("p.json", """
                {"name": "monthly", "steps": {
                  "segment": {"k": 6, "features": ["app_logins_30d", "Região, norte"]},
                  "clean": {"id.columns": ["customer_id"], "scaling": "robust"},
                  "profile": {"labels": {"app_logins_30d": "app use"}}}}
                """);
        PipelineDefinition a = PipelineDefinition.load(yaml);
        PipelineDefinition b = PipelineDefinition.load(json);
        assertEquals(a.steps(), b.steps());
        assertEquals(List.of("clean", "segment", "profile"), List.copyOf(a.steps().keySet()), "the runner's order");
        Settings seg = a.steps().get("segment");
        assertEquals("6", seg.asMap().get("k"));
        assertEquals(List.of("app_logins_30d", "Região, norte"), seg.getList("features", List.of()),
                "a list keeps a comma inside a name");
        assertEquals("{\"app_logins_30d\":\"app use\"}", a.steps().get("profile").asMap().get("labels"));
        assertEquals("monthly", a.name());
        assertFalse(a.reuseModels());
    }

    @Test
    void nameDefaultsToTheFileNameAndRelativePreviousResolvesAgainstTheFile() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Path p = write("sub/02-monthly.yml", "previous: ../out/m1\nreuse_models: true\nsteps:\n  clean: {}\n");
        PipelineDefinition d = PipelineDefinition.load(p);
        assertEquals("02-monthly", d.name());
        assertEquals(dir.resolve("out/m1").toAbsolutePath().normalize(), d.previous());
        assertTrue(d.reuseModels());
        assertEquals(Settings.empty(), d.steps().get("clean"));
    }

    @Test
    void unknownStepNamesTheFileAndTheSteps() throws Exception {
        Path p = write("p.yaml", "steps:\n  clean: {}\n  cluster: {k: 3}\n");
        InputException e = assertThrows(InputException.class, () -> PipelineDefinition.load(p));
        assertTrue(e.getMessage().startsWith("pipeline file " + p), e.getMessage());
        assertTrue(e.getMessage().contains("unknown step 'cluster'"), e.getMessage());
        assertTrue(e.getMessage().contains("'segment'"), "lists the known steps: " + e.getMessage());
    }

    @Test
    void unknownKeyNamesTheFileTheStepAndTheKey() throws Exception {
        Path p = write("p.yaml", "steps:\n  clean:\n    id.columns: [customer_id]\n  segment:\n    k.maximum: 8\n");
        InputException e = assertThrows(InputException.class, () -> PipelineDefinition.load(p));
        assertTrue(e.getMessage().startsWith("pipeline file " + p + ", step 'segment': "), e.getMessage());
        assertTrue(e.getMessage().contains("'k.maximum'"), e.getMessage());
    }

    @Test
    void badValueNamesTheStepAndTheKey() throws Exception {
        Path p = write("p.json", "{\"steps\": {\"clean\": {\"scaling\": \"log\"}}}");
        InputException e = assertThrows(InputException.class, () -> PipelineDefinition.load(p));
        assertTrue(e.getMessage().contains("step 'clean'") && e.getMessage().contains("'scaling'"), e.getMessage());
    }

    @Test
    void unknownTopLevelKeyIsNamed() throws Exception {
        Path p = write("p.yaml", "name: x\nstep:\n  clean: {}\n");
        InputException e = assertThrows(InputException.class, () -> PipelineDefinition.load(p));
        assertTrue(e.getMessage().contains("unknown key 'step'"), e.getMessage());
    }

    @Test
    void stepsThatNeedAnEarlierStepOrAPreviousRunSaySo() throws Exception {
        InputException noClean = assertThrows(InputException.class,
                () -> PipelineDefinition.load(write("a.yaml", "steps:\n  segment: {k: 3}\n")));
        assertTrue(noClean.getMessage().contains("step 'segment'") && noClean.getMessage().contains("'clean'"),
                noClean.getMessage());
        InputException noPrevious = assertThrows(InputException.class,
                () -> PipelineDefinition.load(write("b.yaml", "steps:\n  clean: {}\n  drift: {}\n")));
        assertTrue(noPrevious.getMessage().contains("step 'drift'")
                && noPrevious.getMessage().contains("previous run"), noPrevious.getMessage());
        InputException reuse = assertThrows(InputException.class,
                () -> PipelineDefinition.load(write("c.yaml", "reuse_models: true\nsteps:\n  clean: {}\n")));
        assertTrue(reuse.getMessage().contains("reuse_models"), reuse.getMessage());
        InputException reusedSettings = assertThrows(InputException.class, () -> PipelineDefinition.load(
                write("d.yaml", "previous: m1\nreuse_models: true\nsteps:\n  clean: {scaling: robust}\n")));
        assertTrue(reusedSettings.getMessage().contains("step 'clean'")
                && reusedSettings.getMessage().contains("'scaling'"), reusedSettings.getMessage());
    }

    @Test
    void invalidYamlNamesTheLine() throws Exception {
        Path p = write("p.yaml", "steps:\n  clean: {\n  segment: [\n");
        InputException e = assertThrows(InputException.class, () -> PipelineDefinition.load(p));
        assertTrue(e.getMessage().contains("is not valid YAML") && e.getMessage().contains("line"), e.getMessage());
        InputException missing = assertThrows(InputException.class,
                () -> PipelineDefinition.load(dir.resolve("nope.yaml")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void theExamplePipelinesAreValid() {
        for (String f : List.of("01-build-segmentation.yaml", "02-monthly-scoring-and-drift.yaml",
                "03-control-group-uplift.yaml")) {
            PipelineDefinition d = PipelineDefinition.load(Path.of("..", "workflows", f));
            assertTrue(d.has("clean") && d.has("segment") && d.has("profile"), f);
        }
    }
}
