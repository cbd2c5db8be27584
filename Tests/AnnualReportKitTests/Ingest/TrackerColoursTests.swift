import Foundation
import Testing

@testable import AnnualReportKit

/// Recommendation trackers kept in colours: Green is complete in a RAG tracker and on track in
/// a BRAG one (a tracker that uses Blue), and each file says which way it was read.
@Suite struct TrackerColoursTests {
    func read(_ tracker: String, config: String? = nil) throws -> (IngestResult, Report) {
        let dir = Workdir()
        dir.write("recommendations.csv", tracker)
        if let config { dir.write("annual-report.yaml", config) }
        let input = InputFolder.read(dir.url)
        return (input, try ReportBuilder.build(input))
    }

    /// The trial's f17: a BRAG tracker whose title row gives the key, its status column mapped
    /// by `columns:`. Truth: 2 complete, 2 overdue (one Green past its due date, one Red).
    @Test func aBRAGTrackerReadsGreenAsOnTrack() throws {
        let (input, report) = try read(
            """
            Wyvern SCP learning and improvement tracker (BRAG: Blue = complete, Green = on track, Amber = at risk, Red = off track),,,,,,
            Source,Number,Owner,Agreed,Due,BRAG,Completed
            LCSPR-2022-01,1,Children's Social Care,20/07/2023,31/12/2023,Blue,30/11/2023
            LCSPR-2022-01,2,Wyvern ICB,20/07/2023,31/01/2024,Green,
            LCSPR-2022-01,3,Wyvern Police,20/07/2023,30/06/2024,Green,
            LCSPR-2022-01,4,Education,20/07/2023,30/09/2024,Amber,
            RR-2023-01,1,Wyvern Police,01/06/2023,31/10/2023,Red,
            RR-2023-01,2,Children's Social Care,01/06/2023,31/03/2024,Blue,15/03/2024

            """, config: "columns:\n  recommendations:\n    status: [BRAG]\n")
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.notes.map(\.description).contains(
                "recommendations.csv: note: status colours read as a BRAG tracker (it uses Blue): Blue complete; Green, Amber and Red in progress (on track, at risk, off track)"
            ))
        #expect(report.year == FinancialYear(startYear: 2023))
        let bySource = try #require(report.tables.first { $0.id == "recommendations-by-source" })
        #expect(
            bySource.displayRows == [
                ["LCSPR-2022-01", "4", "1", "3", "0", "1", "1"],
                ["RR-2023-01", "2", "1", "1", "0", "1", "1"],
                ["Total", "6", "2", "4", "0", "2", "2"],
            ])
        let overdue = try #require(report.tables.first { $0.id == "recommendations-overdue" })
        #expect(
            overdue.displayRows == [
                ["LCSPR-2022-01", "2", "Wyvern ICB", "2024-01-31"], ["RR-2023-01", "1", "Wyvern Police", "2023-10-31"],
            ])
    }

    /// A plain RAG tracker (no Blue) keeps its colours as stages: Green complete, Amber in
    /// progress, Red not started; its note says how a BRAG tracker should be written.
    @Test func aRAGTrackerReadsGreenAsComplete() throws {
        let (input, report) = try read(
            """
            Source,Number,Due,RAG,Completed
            LCSPR-2022-01,1,2023-09-30,Green,2023-09-01
            LCSPR-2022-01,2,2023-12-31,Amber,
            LCSPR-2022-01,3,2024-03-31,red,

            """, config: "reporting_year: 2023-24\n")
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.notes.map(\.description).contains(
                "recommendations.csv: note: status colours read as a RAG tracker: Green complete, Amber in progress, Red not started; a tracker whose Green means on track should mark complete ones Blue (BRAG)"
            ))
        let bySource = try #require(report.tables.first { $0.id == "recommendations-by-source" })
        #expect(bySource.display("LCSPR-2022-01") == ["LCSPR-2022-01", "3", "1", "1", "1", "2", "1"])
    }

    /// A column headed BRAG is a BRAG tracker before anything is Blue; a Green row with a
    /// completed date in one was completed and not yet turned Blue: complete, with a note.
    @Test func aBRAGHeaderWithoutBlueAndAGreenRowWithACompletedDate() throws {
        let (input, report) = try read(
            """
            Source,Rec No.,Due,BRAG status,Completed
            RR-2023-01,1,2023-09-30,Green,2023-09-01
            RR-2023-01,2,2023-12-31,Green,
            RR-2023-01,3,2024-03-31,Red,

            """, config: "reporting_year: 2023-24\n")
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.notes.map(\.description) == [
                "recommendations.csv: note: status colours read as a BRAG tracker (its status column is headed 'BRAG status'): Blue complete; Green, Amber and Red in progress (on track, at risk, off track)",
                "recommendations.csv:2: note: 1 recommendation is Green with a completed date and counted as complete (line 2); in a BRAG tracker Green means on track, so mark complete ones Blue",
            ])
        let bySource = try #require(report.tables.first { $0.id == "recommendations-by-source" })
        #expect(bySource.display("RR-2023-01") == ["RR-2023-01", "3", "1", "2", "0", "2", "1"])
        // `Rec No.` is the number column, not an unknown one.
        let overdue = try #require(report.tables.first { $0.id == "recommendations-overdue" })
        #expect(overdue.displayRows.map { $0[1] } == ["2", "3"])
    }

    /// The usual headings of a recommendation's number are all `number`.
    @Test(arguments: ["Rec No.", "Rec no", "Recommendation number", "No.", "Recommendation No."])
    func numberHeadings(_ heading: String) throws {
        let (input, report) = try read(
            """
            Source,\(heading),Due,Status
            RR-2023-01,7,2023-12-31,in progress

            """, config: "reporting_year: 2023-24\n")
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(!input.notes.contains { $0.message.contains("ignored unknown column") })
        let overdue = try #require(report.tables.first { $0.id == "recommendations-overdue" })
        #expect(overdue.displayRows == [["RR-2023-01", "7", "Not recorded", "2023-12-31"]])
    }
}
