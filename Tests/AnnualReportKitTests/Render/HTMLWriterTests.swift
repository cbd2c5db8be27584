import Foundation
import Testing

@testable import AnnualReportKit

/// `annual-report.html` as text: structure, accessibility markup, the sample's cells exactly as
/// the Markdown shows them, escaping of input text, and reports with missing pieces.
@Suite struct HTMLWriterTests {
    static let sample = HTMLWriter.html(SampleReportTests.report)

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func aSelfContainedPageWithOneH1() {
        let html = Self.sample
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.hasSuffix("</main>\n</body>\n</html>\n"))
        #expect(count("<h1", in: html) == 1)
        // The title, the period and the contents keep their years whole, as the body does.
        #expect(
            html.contains(
                "<h1>Leicestershire &amp; Rutland Safeguarding Children Partnership: annual report <span class=\"nw\">2022-23</span></h1>"
            ))
        #expect(
            html.contains(
                "<p class=\"period\">Tables and figures for <span class=\"nw\">2022-23</span> (1 April 2022 to 31 March 2023)"
            ))
        #expect(
            html.contains(
                "<li><a href=\"#table-finance-contributions\">Contributions from partners, <span class=\"nw\">2021-22</span> and <span class=\"nw\">2022-23</span></a></li>"
            ))
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            ))
        // No script, no request: the only URL is the SVG namespace, which is a name, not a fetch.
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains(" src="))
        #expect(!html.contains("<link"))
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(
            !withoutNamespace.contains("http:") && !withoutNamespace.contains("https:")
                && !withoutNamespace.contains("url(http"))
        #expect(html.contains("@media print {"))
        #expect(
            html.contains(
                "@page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: \"Page \" counter(page) \" of \" counter(pages);"
            ))
        #expect(!html.contains("break-before: page"), "a forced page break per section left near-empty pages")
        #expect(html.contains("table, figure.chart { break-inside: avoid; }"))
        // Printed, a table taller than a page (more than 40 rows) breaks between rows (between row
        // groups when it has them), its header repeated; one that fits, as every table of the
        // sample does (the videos' 31 rows the longest), is kept whole.
        #expect(html.contains(".table-box.long table { break-inside: auto; }"))
        #expect(html.contains("tbody:has(> tr.group > th[scope=\"rowgroup\"]) { break-inside: avoid; }"))
        #expect(html.contains("<div class=\"table-box\">\n<table id=\"table-videos\">"))
        #expect(html.contains("<div class=\"table-box\">\n<table id=\"table-impact-priorities\">"))
        #expect(count("<div class=\"table-box long\">", in: html) == 0)
    }

    @Test func sectionsTablesAndChartsInMarkdownOrder() throws {
        let html = Self.sample
        let report = SampleReportTests.report
        let headings = report.sections.map(\.title) + ["Data quality"]
        #expect(count("<section ", in: html) == headings.count)
        #expect(headings.count == 10)
        #expect(count("<h2 ", in: html) == headings.count)
        var position = html.startIndex
        for (index, heading) in headings.enumerated() {
            let tag = "<h2 id=\"section-\(index + 1)-heading\">\(HTMLWriter.prose(heading))</h2>"
            let found = try #require(
                html.range(of: tag, range: position..<html.endIndex), "\(tag) missing or out of order")
            position = found.upperBound
        }
        #expect(count("<table ", in: html) == report.tables.count)
        #expect(report.tables.count == 28)
        for table in report.tables {
            #expect(html.contains("<caption>\(HTMLWriter.prose(table.title))</caption>"), "\(table.id)")
        }
        #expect(count("<figure class=\"chart\"", in: html) == report.sections.flatMap(\.charts).count)
        #expect(
            html.contains(
                "<figure class=\"chart\" id=\"chart-rapid-reviews-per-year\">\n<svg xmlns=\"http://www.w3.org/2000/svg\""
            ))
        #expect(html.contains("<title id=\"chart-rapid-reviews-per-year-title\">Rapid reviews per year</title>"))
        #expect(
            html.contains("<desc id=\"chart-rapid-reviews-per-year-desc\">2020-21: 3; 2021-22: 8; 2022-23: 3</desc>"))
        // Each chart straight after its table, and a contents list linking every table.
        #expect(html.contains("</table>\n</div>\n<figure class=\"chart\" id=\"chart-rapid-reviews-per-year\">"))
        let table = try #require(html.range(of: "<table id=\"table-finance-contributions\">"))
        let chart = try #require(html.range(of: "<figure class=\"chart\" id=\"chart-contributions\">"))
        #expect(table.upperBound < chart.lowerBound)
        let listed = report.sections.flatMap(\.tables)
        #expect(listed.count == 27)
        for t in listed {
            #expect(
                html.contains("<li><a href=\"#table-\(t.id)\">\(HTMLWriter.prose(t.title))</a></li>"),
                "contents lack \(t.id)")
        }
    }

    @Test func cellsReadAsInTheMarkdown() {
        let html = Self.sample
        #expect(
            html.contains(
                "<tr><th scope=\"col\">Partner</th><th scope=\"col\" class=\"num\"><span class=\"nw\">2021-22</span></th><th scope=\"col\" class=\"num\"><span class=\"nw\">2022-23</span></th><th scope=\"col\" class=\"num\">Change</th><th scope=\"col\" class=\"num\">% change</th><th scope=\"col\" class=\"num\">Share of <span class=\"nw\">2022-23</span></th></tr>"
            ))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">National Probation Services</th><td class=\"num\">£1,348</td><td class=\"num\">N/A</td><td class=\"num\">N/A</td><td class=\"num\">N/A</td><td class=\"num\">N/A</td></tr>"
            ))
        #expect(
            html.contains(
                "<tr class=\"total\"><th scope=\"row\">Total income</th><td class=\"num\">£327,126</td><td class=\"num\">£364,633</td><td class=\"num\">£37,507</td><td class=\"num\">11.5%</td><td class=\"num\">100%</td></tr>"
            ))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">Independent Advisor</th><td class=\"num\">£7,914</td><td class=\"num\">£6,562</td><td class=\"num\">\u{2212}£1,352</td><td class=\"num\">\u{2212}17.1%</td></tr>"
            ))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">Cancellation rate</th><td class=\"num\">11.1%</td><td class=\"num\">6.4%</td><td class=\"num\"></td><td class=\"num\"></td></tr>"
            ))
        // A group row of the videos table, and a body row whose label is in the second column.
        #expect(
            html.contains("<tr class=\"group\"><th scope=\"row\">ICON</th><td></td><td class=\"num\">560</td></tr>"))
        #expect(
            html.contains("<tr><th scope=\"row\"></th><td>Full Launch Recording</td><td class=\"num\">165</td></tr>"))
        // Years (and hyphenated words) never break at their hyphen.
        #expect(
            html.contains(
                "<p>Partner contributions totalled £364,633 in <span class=\"nw\">2022-23</span> (<span class=\"nw\">2021-22</span>: £327,126).</p>"
            ))
        // Impact per priority: each priority one header cell across the table, heading a row group.
        #expect(
            html.contains(
                "<caption>Training impact per business priority, <span class=\"nw\">2022-23</span></caption>\n<thead>\n<tr><th scope=\"col\">Measure</th><th scope=\"col\" class=\"num\">Forms</th>"
            ))
        #expect(
            html.contains(
                "</thead>\n<tbody>\n<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"9\"><span>Safeguarding Babies</span></th></tr>\n<tr><th scope=\"row\">Knowledge</th><td class=\"num\">147</td><td class=\"num\">2.03</td>"
            ))
        #expect(
            html.contains(
                "</tr>\n</tbody>\n<tbody>\n<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"9\"><span>Child Mental Health and Emotional Wellbeing</span></th></tr>\n"
            ))
        #expect(
            html.contains(
                "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"9\"><span>Effective Safeguarding in Independent and Out of School Settings</span></th></tr>\n<tr><th scope=\"row\">(no forms)</th><td class=\"num\">0</td><td class=\"num\">N/A</td>"
            ))
        // Five priorities here, and the two stages of rapid review timeliness.
        #expect(count("<th scope=\"rowgroup\"", in: html) == 7)
        // p values are text ("< 0.001") that read as figures: right-aligned with them.
        #expect(html.contains("<th scope=\"col\" class=\"num\">p (Wilcoxon)</th>"))
        #expect(
            html.contains(
                "<p class=\"note\">N/A: no contribution recorded that year from National Probation Services.</p>"))
        // Data-quality notes keep their years and dates whole too.
        #expect(
            html.contains(
                "<li>Partner &#39;National Probation Services&#39; contributed in <span class=\"nw\">2021-22</span> only; the other year shows N/A.</li>"
            ))
        #expect(html.contains("&#39;Safeguarding Matters Online Briefing&#39; on <span class=\"nw\">2022-12-07</span>"))
    }

    /// Short words joined by hyphens or en dashes stay whole; a spaced dash, a leading or
    /// trailing hyphen and a long hyphenated run are left to break.
    @Test func hyphenatedWordsAreKeptWhole() {
        #expect(
            HTMLWriter.prose("Mean rating (1–5), face-to-face")
                == "Mean rating (<span class=\"nw\">1–5</span>), <span class=\"nw\">face-to-face</span>")
        #expect(HTMLWriter.prose("Dr Alun Elias – FII, -3 and 4-") == "Dr Alun Elias – FII, -3 and 4-")
        #expect(HTMLWriter.prose("training-2022-23.csv:4") == "<span class=\"nw\">training-2022-23</span>.csv:4")
        #expect(HTMLWriter.prose("a-very-long-hyphenated-name-indeed") == "a-very-long-hyphenated-name-indeed")
    }

    @Test func textFromInputsIsNeverMarkup() {
        let hostile = "<script>alert(\"x\")</script> & 'q'"
        let table = ReportTable(
            id: "t\"><b>", title: hostile, columns: [ReportColumn(hostile, .label), ReportColumn("n", .count)],
            rows: [ReportRow([.text(hostile), .count(1)])], notes: [hostile])
        let report = Report(
            title: hostile, partnership: nil, year: FinancialYear(startYear: 2022),
            sections: [ReportSection(title: hostile, paragraphs: [hostile], tables: [table], notes: [hostile])],
            dataQuality: DataQuality())
        let html = HTMLWriter.html(report)
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("<title>\(escaped)</title>"))
        #expect(html.contains("<h1>\(escaped)</h1>"))
        #expect(html.contains("<caption>\(escaped)</caption>"))
        #expect(html.contains("<th scope=\"col\">\(escaped)</th>"))
        #expect(html.contains("<th scope=\"row\">\(escaped)</th>"))
        #expect(html.contains("<p>\(escaped)</p>"))
        #expect(count("<p class=\"note\">\(escaped)</p>", in: html) == 2)
        #expect(html.contains("<table id=\"table-t---b-\">"))
        #expect(HTMLWriter.escape("a\u{0}b\u{7}c\r\nd") == "a b c\n\nd")
    }

    @Test func emptyTablesSectionsWithOnlyNotesAndChartsWithNothingToPlot() {
        let empty = ReportTable(
            id: "empty", title: "Nothing yet", columns: [ReportColumn("Year", .label), ReportColumn("Count", .count)])
        let noColumns = ReportTable(id: "bare", title: "No columns", columns: [])
        let charts = [
            ChartSpec(
                id: "no-rows", title: "No rows", tableID: "empty", rows: [], seriesColumns: [1], style: .column,
                xAxisTitle: "", yAxisTitle: ""),
            ChartSpec(
                id: "no-table", title: "No table", tableID: "missing", rows: [0], seriesColumns: [1], style: .column,
                xAxisTitle: "", yAxisTitle: ""),
        ]
        let report = Report(
            title: "T", partnership: nil, year: FinancialYear(startYear: 2022),
            sections: [
                ReportSection(title: "Empty", tables: [empty, noColumns], charts: charts),
                ReportSection(title: "Only notes", notes: ["Not recorded."]),
                ReportSection(title: "Nothing at all"),
            ],
            dataQuality: DataQuality())
        let html = HTMLWriter.html(report)
        #expect(!html.contains("<figure"))
        #expect(
            html.contains(
                "<caption>Nothing yet</caption>\n<thead>\n<tr><th scope=\"col\">Year</th><th scope=\"col\" class=\"num\">Count</th></tr>\n</thead>\n<tbody>\n<tr><td colspan=\"2\">No rows recorded.</td></tr>\n</tbody>\n</table>\n"
            ))
        #expect(html.contains("<p class=\"note\">No columns: no rows recorded.</p>"))
        #expect(
            html.contains(
                "<h2 id=\"section-2-heading\">Only notes</h2>\n<p class=\"note\">Not recorded.</p>\n</section>"))
        #expect(html.contains("<h2 id=\"section-3-heading\">Nothing at all</h2>\n</section>"))
        #expect(html.contains("<h2 id=\"section-4-heading\">Data quality</h2>"))
    }

    /// A table taller than a printed page may break between its rows; one row fewer is kept whole.
    @Test(arguments: [(40, false), (41, true)])
    func onlyATableTallerThanAPageBreaksInPrint(rows: Int, breaks: Bool) {
        let table = ReportTable(
            id: "long", title: "A long table", columns: [ReportColumn("Item", .label), ReportColumn("Count", .count)],
            rows: (1...rows).map { ReportRow([.text("Row \($0)"), .count(Int64($0))]) })
        let report = Report(
            title: "T", partnership: "P", year: FinancialYear(startYear: 2022),
            sections: [ReportSection(title: "S", tables: [table])], dataQuality: DataQuality())
        let html = HTMLWriter.html(report)
        #expect(html.contains("<div class=\"table-box\(breaks ? " long" : "")\">\n<table id=\"table-long\">"))
    }
}
