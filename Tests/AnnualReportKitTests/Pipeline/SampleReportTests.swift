import Foundation
import Testing

@testable import AnnualReportKit

/// The bundled Inputs/ reproduce the published 2022-23 report's tables, checked in the CSV
/// tables exactly as written to Reports/2022-23/tables/.
@Suite struct SampleReportTests {
    static let ingest = SampleInputs.ingest
    static let report = try! SampleInputs.report()

    /// The CSV of a table, parsed back into rows of fields.
    func csv(_ id: String) throws -> [[String]] {
        let table = try #require(Self.report.tables.first { $0.id == id }, "no table \(id)")
        return parseCSV(CSVWriter.csv(table))
    }

    func row(_ id: String, _ label: String) throws -> [String] {
        try #require(try csv(id).first { $0.first == label }, "no row \(label) in \(id)")
    }

    @Test func inputsAreCleanAndBalanced() {
        #expect(Self.ingest.errors.isEmpty)
        #expect(Self.ingest.ledger.allSatisfy { $0.balances && $0.rejected == 0 })
        #expect(Self.report.year.label == "2022-23")
        #expect(
            Self.report.title == "Leicestershire & Rutland Safeguarding Children Partnership: annual report 2022-23")
    }

    @Test func contributions() throws {
        #expect(
            try csv("finance-contributions")[0] == [
                "Partner", "2021-22", "2022-23", "Change", "% change", "Share of 2022-23",
            ])
        #expect(
            try row("finance-contributions", "Leicestershire County Council") == [
                "Leicestershire County Council", "102496.00", "119266.00", "16770.00", "16.4", "33",
            ])
        #expect(
            try row("finance-contributions", "Rutland County Council").prefix(3) == [
                "Rutland County Council", "45833.00", "50367.00",
            ])
        #expect(
            try row("finance-contributions", "Leicestershire Police").prefix(3) == [
                "Leicestershire Police", "88725.00", "97500.00",
            ])
        #expect(
            try row("finance-contributions", "West Leicestershire CCG and East Leicestershire & Rutland CCG").prefix(3)
                == ["West Leicestershire CCG and East Leicestershire & Rutland CCG", "88724.00", "97500.00"])
        #expect(
            try row("finance-contributions", "National Probation Services") == [
                "National Probation Services", "1348.00", "", "", "", "",
            ])
        #expect(
            try row("finance-contributions", "Total income") == [
                "Total income", "327126.00", "364633.00", "37507.00", "11.5", "100",
            ])
        let table = try #require(Self.report.tables.first { $0.id == "finance-contributions" })
        #expect(
            table.display("National Probation Services") == [
                "National Probation Services", "£1,348", "N/A", "N/A", "N/A", "N/A",
            ])
        #expect(table.display("Total income")?.prefix(3) == ["Total income", "£327,126", "£364,633"])
    }

    @Test func expenditure() throws {
        let expected: [(String, String, String)] = [
            ("Staffing", "105579.00", "115357.00"), ("Independent Advisor", "7914.00", "6562.00"),
            ("Support Services", "12370.00", "1090.00"), ("Operating Costs", "6700.00", "8055.00"),
            ("Training", "48100.00", "48550.00"), ("Case Reviews", "5254.00", "5800.00"),
            ("Total expenditure", "185917.00", "185414.00"),
        ]
        let rows = try csv("finance-expenditure")
        #expect(rows.dropFirst().map { [$0[0], $0[1], $0[2]] } == expected.map { [$0.0, $0.1, $0.2] })
        #expect(try row("finance-balance", "Expenditure, all boards")[2] == "317689.00")
    }

    @Test func priorities() throws {
        let rows = try csv("priorities")
        #expect(
            rows == [
                ["Priority", "Sessions", "Trained", "Watched a training video", "Total"],
                ["Safeguarding Babies", "8", "465", "1054", "1519"],
                ["Child Mental Health and Emotional Wellbeing", "15", "353", "432", "785"],
                ["Keeping Adolescents Safe / Supporting Safe Adolescents", "18", "472", "75", "547"],
                ["Safeguarding Children from Diverse Backgrounds", "25", "520", "432", "952"],
                ["Effective Safeguarding in Independent and Out of School Settings", "0", "0", "0", "0"],
                ["Total", "66", "1810", "1993", "3803"],
            ])
    }

    /// The sample's video figures are completions ("fully watched"): times a video was watched
    /// to its end, not people, so the sentences, chart and note count times, as the video table does.
    @Test func prioritySentencesUseTheVideoMetricsOwnWords() throws {
        let section = try #require(Self.report.sections.first { $0.title == "Business priorities" })
        #expect(
            section.paragraphs.prefix(2) == [
                "Safeguarding Babies: 8 sessions were delivered to 465 attendees, and its training videos were fully watched 1,054 times.",
                "Child Mental Health and Emotional Wellbeing: 15 sessions were delivered to 353 attendees, and its training videos were fully watched 432 times.",
            ])
        #expect(!section.paragraphs.contains { $0.contains("people watched") })
        let chart = try #require(section.charts.first { $0.id == "priority-reach" })
        #expect(chart.title == "People trained, and training videos fully watched, per priority, 2022-23")
        #expect(chart.yAxisTitle == "People trained; times fully watched")
        let table = try #require(Self.report.tables.first { $0.id == "priorities" })
        #expect(
            table.notes.contains(
                "Videos fully watched are counted each time a video was watched to its end, not as people: the total adds people trained and those times."
            ))
        #expect(try csv("videos")[0] == ["Category", "Video", "Fully watched"])
        let videos = try #require(Self.report.sections.first { $0.title == "Training videos" })
        #expect(
            videos.paragraphs == [
                "Training videos were fully watched 2,271 times in 2022-23 (2,356 as listed by category, with one video listed twice)."
            ])
    }

    @Test func trainingDelivery() throws {
        #expect(try row("training-delivery", "Events delivered")[2] == "103")
        #expect(try row("training-delivery", "Attendances")[2] == "2569")
        #expect(try row("training-delivery", "Course attendances")[2] == "1315")
        #expect(try row("training-delivery", "Conference events")[2] == "10")
        #expect(try row("training-delivery", "Conference attendances")[2] == "1254")
        #expect(try row("training-delivery", "Evaluations completed")[2] == "1161")
        #expect(try row("training-delivery", "Course evaluations")[2] == "737")
        #expect(
            try csv("training-trend").dropFirst().map { [$0[0], $0[2]] } == [
                ["2020-21", "1802"], ["2021-22", "2215"], ["2022-23", "2569"],
            ])
    }

    @Test func conferences() throws {
        let rows = Set(try csv("conferences").dropFirst().map { $0.prefix(3).joined(separator: "|") })
        #expect(
            rows == [
                "Missing from Home Joint Protocol|2|77", "Looked After Children Health Summit|1|45",
                "Supporting Families – Reducing the Impact of Parental Imprisonment|1|50",
                "Safeguarding Matters Online Briefing|2|789", "Learning from Reviews: Baby's first Home (womb)|1|108",
                "Learning from Reviews: Baby's first Home (womb) (film played as trainer unavailable)|1|95",
                "Young Carer's Awareness Training|2|90", "Total|10|1254",
            ])
        let evaluations = Dictionary(
            try csv("conferences").dropFirst().map { ($0[0], $0[3]) }, uniquingKeysWith: { a, _ in a })
        #expect(
            Int(evaluations["Learning from Reviews: Baby's first Home (womb)"]!)! + Int(
                evaluations["Learning from Reviews: Baby's first Home (womb) (film played as trainer unavailable)"]!)!
                == 88)
        #expect(evaluations["Safeguarding Matters Online Briefing"] == "336")
    }

    @Test func videos() throws {
        let rows = try csv("videos")
        let categories = rows.filter { !$0[0].isEmpty && $0[0] != "Category" }.map { [$0[0], $0[2]] }
        #expect(
            categories == [
                ["ICON", "560"], ["Safeguarding Matters", "559"], ["Competency Framework", "382"],
                ["MARF – Thresholds", "66"],
                ["Parents Guide to CE", "75"], ["FII", "200"], ["LCC Young Carers", "432"],
                ["Adolescent Neglect", "20"],
                ["Learning From Reviews", "62"], ["Total views as listed", "2356"],
                ["Less videos listed in more than one category", "85"],
                ["Total reach, each video counted once", "2271"],
            ])
        #expect(rows.contains(["", "Never Ever Shake a Baby – Morning", "127"]))
        #expect(rows.contains(["", "Dr Alun Elias – FII (Safeguarding Matters Live)", "85"]))
        #expect(
            Self.report.dataQuality.notes.contains {
                $0.contains(
                    "'Dr Alun Elias – FII (Safeguarding Matters Live)' is listed under both 'Safeguarding Matters' and 'FII'"
                )
            })
    }

    @Test func reviews() throws {
        #expect(
            try csv("reviews-trend").dropFirst().map { [$0[0], $0[1]] } == [
                ["2020-21", "3"], ["2021-22", "8"], ["2022-23", "3"], ["Total", "14"],
            ])
        #expect(try csv("lcspr-under-way").count == 3)
        #expect(try row("reviews-trend", "2022-23")[3] == "1")
        #expect(
            try csv("children-sex") == [
                ["Sex", "Children", "Share"], ["Female", "4", "80"], ["Male", "1", "20"], ["Total", "5", "100"],
            ])
        #expect(
            try csv("children-ethnicity") == [
                ["Ethnicity", "Children", "Share"], ["White British", "3", "60"], ["Mixed heritage", "2", "40"],
                ["Total", "5", "100"],
            ])
        #expect(
            try csv("children-age-group") == [
                ["Age group", "Children", "Share"], ["Baby", "3", "60"], ["Child", "1", "20"], ["Teenager", "1", "20"],
                ["Total", "5", "100"],
            ])
    }
}
