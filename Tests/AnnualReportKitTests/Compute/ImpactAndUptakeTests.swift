import Foundation
import Testing

@testable import AnnualReportKit

/// Impact and uptake on fixtures with known answers.
@Suite struct ImpactAndUptakeTests {
    static let training = """
        date,title,kind,priorities,status,attendees,format,evaluations,places,booked,cancel_reason
        2022-05-10,Neglect,course,Babies,delivered,12,face-to-face,12,15,13,
        2022-06-10,Online Safety,course,Digital Harm,delivered,9,virtual,4,20,12,
        2022-07-10,Neglect,course,Babies,cancelled,,virtual,,20,3,low numbers
        2022-08-10,Summit,conference,Exploitation,delivered,100,face-to-face,,,,

        """

    static func evaluations() -> String {
        let kb = [2, 3, 3, 2, 4, 1, 3, 2, 2, 3, 4, 2]
        let ka = [4, 4, 3, 3, 5, 3, 4, 2, 4, 4, 5, 3]
        let sb = [3, 3, 4, 2, 5, 3, 2, 4, 3, 3, 2, 4]
        let sa = [4, 3, 3, 3, 5, 4, 4, 4, 2, 5, 3, 3]
        var text =
            "date,title,respondent,Knowledge before,Knowledge after,Skills_before,Skills_after,Confidence (pre),Confidence (post)\n"
        for i in 0..<12 { text += "10/05/2022,Neglect,Person \(i),\(kb[i]),\(ka[i]),\(sb[i]),\(sa[i]),,\n" }
        for (k, c) in [((2, 3), (3, 4)), ((3, 3), (3, 4)), ((1, 2), (3, 5))] {
            text += "10 June 2022,online safety,Someone,\(k.0),\(k.1),,,\(c.0),\(c.1)\n"
        }
        return text
    }

    func report() throws -> (IngestResult, Report) {
        let dir = Workdir()
        dir.write("training.csv", Self.training)
        dir.write("evaluations.csv", Self.evaluations())
        let input = InputFolder.read(dir.url)
        return (input, try ReportBuilder.build(input))
    }

    @Test func impactPerMeasureAndPerPriority() throws {
        let (input, report) = try report()
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.notes.map(\.description).contains(
                "training.csv:3: note: 'Online Safety' on 2022-06-10 records 4 evaluations but the evaluations files hold 3 forms for it; the report counts the forms (evaluations completed and impact)"
            ))
        let impact = try #require(report.tables.first { $0.id == "impact" })
        #expect(
            impact.displayRows == [
                ["Knowledge", "15", "2.47", "3.47", "1.00", "80%", "20%", "0%", "0.001"],
                ["Skills", "12", "3.17", "3.58", "0.42", "50%", "25%", "25%", "0.190"],
                ["Confidence", "3", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "too few to say"],
            ])
        let perPriority = try #require(report.tables.first { $0.id == "impact-priorities" })
        // Each priority a group row heading its measures; Measure is the label column.
        #expect(
            perPriority.columns.map(\.title) == [
                "Measure", "Forms", "Mean before", "Mean after", "Mean change",
                "Improved", "Unchanged", "Lower", "p (Wilcoxon)",
            ])
        let heading = { (name: String) in [name] + Array(repeating: "", count: 8) }
        #expect(
            perPriority.displayRows == [
                heading("Babies"),
                ["Knowledge", "12", "2.58", "3.67", "1.08", "83%", "17%", "0%", "0.004"],
                ["Skills", "12", "3.17", "3.58", "0.42", "50%", "25%", "25%", "0.190"],
                heading("Digital Harm"),
                ["Knowledge", "3", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "too few to say"],
                ["Confidence", "3", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "too few to say"],
                heading("Exploitation"),
                ["(no forms)", "0", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A"],
            ])
        #expect(perPriority.rows.map(\.role) == [.group, .body, .body, .group, .body, .body, .group, .body])
        let section = try #require(report.sections.first { $0.title == "Training impact" })
        #expect(
            section.paragraphs == [
                "Knowledge rose from 2.5 to 3.5 out of 5 on average; 80% of 15 delegates rated it higher after the training (p = 0.001).",
                "Skills rose from 3.2 to 3.6 out of 5 on average; 50% of 12 delegates rated it higher after the training (p = 0.190).",
                "Confidence: 3 forms in 2022-23, too few to say.",
            ])
        #expect(section.charts.map(\.id) == ["impact-before-after"])
    }

    @Test func uptakeAndCancellations() throws {
        let (_, report) = try report()
        let uptake = try #require(report.tables.first { $0.id == "training-uptake" })
        #expect(
            uptake.displayRows == [
                ["2022-23", "face-to-face", "conference", "1", "N/A", "N/A", "100", "N/A", "N/A", "N/A"],
                ["2022-23", "face-to-face", "course", "1", "15", "13", "12", "86.7%", "92.3%", "1"],
                ["2022-23", "virtual", "course", "1", "20", "12", "9", "60.0%", "75.0%", "3"],
            ])
        let cancelled = try #require(report.tables.first { $0.id == "training-cancellations" })
        #expect(cancelled.displayRows == [["Low numbers", "N/A", "1"], ["Total", "N/A", "1"]])
        let delivery = try #require(report.tables.first { $0.id == "training-delivery" })
        #expect(delivery.display("Cancellation rate") == ["Cancellation rate", "N/A", "25.0%", "", ""])
    }

    @Test func theWorkbookFormatsMeansWithTwoDecimalsAndRatesWithOne() throws {
        let (_, report) = try report()
        let out = Workdir("book")
        let url = out.url.appendingPathComponent("r.xlsx")
        try XLSXWriter(documentTimestamp: nil).write(report, to: url)
        let book = try XLSXReadBack(url: url)
        let impact = try #require(
            book.sheets.first { $0.name.hasPrefix("Training impact ratings") }, "\(book.sheets.map(\.name))")
        #expect(impact["C3"]?.number == 2.47)
        #expect(impact["C3"]?.numberFormat == "0.00")
        #expect(impact["E3"]?.number == 1.0)
        let uptake = try #require(
            book.sheets.first { $0.name.hasPrefix("Training uptake") }, "\(book.sheets.map(\.name))")
        #expect(uptake["H4"]?.numberFormat == "0.0%")
        #expect(impact.charts.map(\.title) == ["Mean rating before and after training, 2022-23"])
        // The rating axis runs across the forms' scale, a whole point at a time.
        #expect(impact.charts.first?.valueAxisNumberFormats == ["0"])
        #expect(
            impact.charts.first.map { [$0.valueAxis?.min, $0.valueAxis?.max, $0.valueAxis?.majorUnit] } == [
                "1", "5", "1",
            ])
    }

    @Test func ratingChartsRunAcrossTheConfiguredScale() throws {
        let dir = Workdir()
        dir.write("training.csv", Self.training)
        dir.write("evaluations.csv", Self.evaluations())
        dir.write("annual-report.yaml", "evaluation_scale: [1, 10]\n")
        let report = try ReportBuilder.build(InputFolder.read(dir.url))
        let chart = try #require(report.sections.flatMap(\.charts).first { $0.id == "impact-before-after" })
        #expect(chart.valueRange == 1...10)
        #expect(chart.yAxisTitle == "Mean rating (1–10)")
        // The other charts keep their own range.
        #expect(report.sections.flatMap(\.charts).filter { $0.valueRange != nil }.map(\.id) == ["impact-before-after"])
        let table = try #require(report.tables.first { $0.id == chart.tableID })
        let svg = SVGChartWriter.svg(for: chart, table: table)
        #expect(svg.contains(">10</text>") && !svg.contains(">0</text>"))
        let out = Workdir("book10")
        let url = out.url.appendingPathComponent("r.xlsx")
        try XLSXWriter(documentTimestamp: nil).write(report, to: url)
        let impact = try #require(
            try XLSXReadBack(url: url).sheets.first { $0.name.hasPrefix("Training impact ratings") })
        #expect(
            impact.charts.first.map { [$0.valueAxis?.min, $0.valueAxis?.max, $0.valueAxis?.majorUnit] } == [
                "1", "10", "1",
            ])
    }

    @Test func badFormsAreLocated() {
        let dir = Workdir()
        dir.write("training.csv", Self.training)
        dir.write(
            "evaluations-a.csv",
            "date,title,Knowledge before,Knowledge after\n2022-05-10,Neglect,2,7\n2022-05-11,Neglect,2,3\n")
        dir.write("evaluations-b.csv", "event_id,Knowledge before,Skills before,Skills after\n1,2,3,4\n")
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "evaluations-a.csv:2:22: error: rating '7' for Knowledge after is off the scale; expected a whole number from 1 to 5 (if the forms use a 1 to 10 scale, set `evaluation_scale: [1, 10]` in annual-report.yaml)",
                "evaluations-a.csv:3:12: error: form for 'Neglect' on 2022-05-11, which is not in the training records; expected the date and title of a training event, or its event_id",
                "evaluations-b.csv:1:10: error: measure 'Knowledge' has a before column but no after column; expected 'Knowledge after' beside it",
            ])
        #expect(input.ledger.map { [$0.read, $0.used, $0.rejected] } == [[4, 4, 0], [2, 0, 2], [1, 0, 1]])
    }
}
