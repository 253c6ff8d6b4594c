package org.example.segmentation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class SegmentCliTest {

    @Test
    void versionPrintsTheProjectVersionAndExitsZero() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = SegmentCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "--version");

        assertEquals(0, exit, err.toString());
        String version = System.getProperty("project.version"); // set by maven-surefire-plugin
        assertNotNull(version, "run through Maven: surefire passes project.version");
        assertTrue(out.toString().contains("segment " + version), out.toString());
    }
}
