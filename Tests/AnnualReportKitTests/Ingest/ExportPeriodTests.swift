import Foundation
import Testing

@testable import AnnualReportKit

/// A YouTube export of part of a financial year (its folder names the date range) is read for
/// that year, with a warning and a note beside the video figures: its views are not the year's.
@Suite struct ExportPeriodTests {
    static let tableData = """
        Content,Video title,Video publish time,Duration,Views
        Total,,,,685
         -aB3dEf9hIj,Safer sleep,"Apr 3, 2023",312,410
        xK3v9Qa1b2c,"Grooming, online and offline","May 1, 2023",605,275

        """

    func read(folder: String) -> IngestResult {
        let dir = Workdir()
        dir.write("\(folder)/Table data.csv", Self.tableData)
        dir.write(
            "catalogue.csv",
            """
            video_id,video,category,priorities
            xK3v9Qa1b2c,"Grooming, online and offline",Online Safety,Exploitation

            """)
        return InputFolder.read(dir.url)
    }

    /// The trial's f19: `Content 2023-04-01_2023-09-30 Wyvern SCP`, six months of 2023-24.
    @Test func aHalfYearExportIsReadWithAWarningAndANote() throws {
        let input = read(folder: "Content 2023-04-01_2023-09-30 Wyvern SCP")
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.diagnostics.filter { $0.severity == .warning }.map(\.description) == [
                "Content 2023-04-01_2023-09-30 Wyvern SCP/Table data.csv: warning: the YouTube export covers 1 April to 30 September 2023, not the whole of 2023-24: its views are for that period only; expected an export of the whole year (1 April 2023 to 31 March 2024 in YouTube Studio's date range) for the year's views"
            ])
        let report = try ReportBuilder.build(input)
        #expect(report.year == FinancialYear(startYear: 2023))
        let note =
            "The YouTube export covers 1 April to 30 September 2023, not the whole of 2023-24: its views are for that period only."
        let section = try #require(report.sections.first { $0.title == "Training videos" })
        #expect(section.paragraphs == ["Training videos were viewed 685 times in 2023-24. " + note])
        let videos = try #require(report.tables.first { $0.id == "videos" })
        #expect(videos.notes.contains(note))
        let priorities = try #require(report.tables.first { $0.id == "priorities" })
        #expect(priorities.display("Exploitation") == ["Exploitation", "N/A", "N/A", "275", "275"])
        #expect(priorities.notes.contains(note))
        // The data-quality section carries the warning too.
        #expect(
            report.dataQuality.notes.contains {
                $0.hasPrefix(
                    "Content 2023-04-01_2023-09-30 Wyvern SCP/Table data.csv: warning: the YouTube export covers")
            })
    }

    /// A period across two calendar years is written with both years.
    @Test func theSecondHalfOfAYearNamesBothCalendarYears() throws {
        let input = read(folder: "Content 2023-10-01_2024-03-31 Wyvern SCP")
        let report = try ReportBuilder.build(input)
        let videos = try #require(report.tables.first { $0.id == "videos" })
        #expect(
            videos.notes.contains(
                "The YouTube export covers 1 October 2023 to 31 March 2024, not the whole of 2023-24: its views are for that period only."
            ))
    }

    /// Completions from a videos file beside an export's views: the video table says the
    /// figures mix the two, and that the export's are for part of the year.
    @Test func theVideoTableKeepsEachOfItsNotes() throws {
        let dir = Workdir()
        dir.write("Content 2023-04-01_2023-09-30 Wyvern SCP/Table data.csv", Self.tableData)
        dir.write("videos.csv", "year,category,video,fully watched\n2023-24,ICON,Coping with crying,120\n")
        let report = try ReportBuilder.build(InputFolder.read(dir.url))
        let videos = try #require(report.tables.first { $0.id == "videos" })
        #expect(
            videos.notes == [
                "The figures mix views (plays) and completions (fully watched), as the sources give them.",
                "The YouTube export covers 1 April to 30 September 2023, not the whole of 2023-24: its views are for that period only.",
            ])
    }

    /// The whole year has no warning and no note; a period over two years stays an error.
    @Test func aWholeYearIsQuietAndTwoYearsAreAnError() throws {
        let whole = read(folder: "Content 2023-04-01_2024-03-31 Wyvern SCP")
        #expect(whole.errors.isEmpty && !whole.diagnostics.contains { $0.severity == .warning })
        let videos = try #require(try ReportBuilder.build(whole).tables.first { $0.id == "videos" })
        #expect(!videos.notes.contains { $0.contains("covers") })
        let spanning = read(folder: "Content 2023-10-01_2024-09-30 Wyvern SCP")
        #expect(
            spanning.errors.map(\.description) == [
                "Content 2023-10-01_2024-09-30 Wyvern SCP/Table data.csv: error: the export's period 2023-10-01 to 2024-09-30 spans 2023-24 and 2024-25; expected an export of one financial year (1 April to 31 March), chosen in YouTube Studio's date range"
            ])
    }
}
