/**
 * The HTML report of a pipeline run: {@link org.example.segmentation.cli.report.ReportData} holds plain numbers and
 * names (no engine types), {@link org.example.segmentation.cli.report.HtmlReport} renders them into one
 * self-contained HTML file with Apache ECharts inlined from its WebJar (SVG renderer, no network access when opened),
 * and {@link org.example.segmentation.cli.report.Pca2d} projects a sample of customers onto two principal components.
 * Every customer-derived string is escaped for its context: HTML text, or JSON inside a script element.
 */
package org.example.segmentation.cli.report;
