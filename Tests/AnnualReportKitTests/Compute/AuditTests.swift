import Foundation
import Testing

@testable import AnnualReportKit

/// Multi-agency case audits, per audit and agency, graded or not, and year on year.
@Suite struct AuditTests {
    static let training = "date,title,attendees\n2022-05-10,Neglect,12\n"

    func build(_ files: [String: String]) throws -> (IngestResult, Report) {
        let dir = Workdir()
        dir.write("training.csv", Self.training)
        for (name, text) in files { dir.write(name, text) }
        let input = InputFolder.read(dir.url)
        return (input, try ReportBuilder.build(input, year: FinancialYear(startYear: 2022)))
    }

    @Test func perAuditAndAgencyWithAndWithoutGrades() throws {
        let (input, report) = try build([
            "audits.csv": """
            Audit theme,Audit date,Organisation,Cases audited,Sample size,Good,RI,Inadequate
            Exploitation,2021-10-05,Police,4,4,,,
            Exploitation,2021-10-05,Health,3,4,,,
            Neglect,2022-06-01,Police,5,6,2,3,0
            Neglect,2022-06-01,Social care,6,6,4,1,1
            Neglect,2022-06-01,School nursing,2,6,,,
            Transition,2023-02-01,police,3,,,,

            """
        ])
        #expect(input.errors.isEmpty, "\(input.errors)")
        let audits = try #require(report.tables.first { $0.id == "audits" })
        #expect(
            audits.displayRows == [
                ["Neglect (2022-06-01)", "6", "13", "0", "6", "4", "1"],
                ["Police", "", "5", "0", "2", "3", "0"],
                ["Social care", "", "6", "0", "4", "1", "1"],
                ["School nursing", "", "2", "N/A", "N/A", "N/A", "N/A"],
                ["Transition (2023-02-01)", "N/A", "3", "N/A", "N/A", "N/A", "N/A"],
                ["police", "", "3", "N/A", "N/A", "N/A", "N/A"],
            ])
        let grades = try #require(report.tables.first { $0.id == "audit-grades" })
        #expect(
            grades.displayRows == [
                ["Outstanding", "0", "0%"], ["Good", "6", "55%"], ["Requires improvement", "4", "36%"],
                ["Inadequate", "1", "9%"],
                ["Total graded", "11", "100%"],
            ])
        #expect(grades.notes == ["5 audited cases were not graded and are not in this table."])
        let agencies = try #require(report.tables.first { $0.id == "audits-agencies" })
        #expect(
            agencies.displayRows == [
                ["Health", "3", "0"], ["Police", "4", "8"], ["School nursing", "0", "2"], ["Social care", "0", "6"],
                ["Total", "7", "16"],
            ])
        let section = try #require(report.sections.first { $0.title == "Multi-agency case audits" })
        #expect(
            section.paragraphs == [
                "Multi-agency case audits in 2022-23: 2 audits, 16 cases audited by 3 agencies (2021-22: 1 audit, 7 cases audited by 2 agencies)."
            ])
    }

    @Test func badRowsAreErrorsAtTheirCell() throws {
        let (input, _) = try build([
            "audits-2022-23.csv": """
            audit,date,agency,cases,selected,good,inadequate
            Neglect,2022-06-01,Police,7,6,,
            Neglect,2022-06-01,Health,4,6,3,2
            Neglect,2022-06-01,Education,2,6,,
            Neglect,2022-06-01,Social care,3,5,,
            Neglect,2021-06-01,Police,1,,,

            """
        ])
        #expect(
            input.errors.map(\.description) == [
                "audits-2022-23.csv:2:27: error: 7 cases audited of 6 selected; expected no more than the cases selected",
                "audits-2022-23.csv:3:33: error: 5 cases graded of 4 audited; expected no more than the cases audited",
                "audits-2022-23.csv:5: error: audit 'Neglect' on 2022-06-01 has 5 cases selected here but 6 at audits-2022-23.csv:4; expected the same cases selected on each of its rows",
                "audits-2022-23.csv:6:9: error: date '2021-06-01' is 1 June 2021, in 2021-22, but the file's name says 2022-23; expected only 2022-23 records in it (a record of another year belongs in a file named for that year, or in one with no year in its name)",
            ])
    }

    @Test func absentAuditsLeaveTheSectionOutWithANote() throws {
        let (_, report) = try build([:])
        #expect(!report.sections.contains { $0.title == "Multi-agency case audits" })
        #expect(report.dataQuality.notes.contains("No audits dataset was supplied; its sections are left out."))
    }
}
