import Foundation
import Testing
import ZIPFoundation

@testable import AnnualReportKit

/// YouTube Studio's content export as downloaded, with a catalogue giving categories.
@Suite struct YouTubeExportTests {
    /// A content export written to the documented shape: Total row first, quoted titles with
    /// commas, `"Apr 1, 2022"` publish times, an id beginning with `-` written with a leading
    /// space, and a list YouTube cut.
    static let tableData = """
        Content,Video title,Video publish time,Duration,Views,Watch time (hours),Average view duration
        Total,,,,1000,52.1,0:03:07
        xK3v9Qa1b2c,"Grooming, online and offline","Apr 1, 2022",1260,400,20.5,0:03:04
         -aB3dEf9hIj,Safer sleep,"Sep 12, 2021",300,250,11.2,0:02:41
        Zz9Yy8Xx7Ww,"The ""Toxic Trio"" explained","Jan 5, 2023",600,150,8.1,0:03:14
        Qq1Ww2Ee3Rr,Unlisted briefing,"Feb 1, 2023",400,100,3.0,0:01:48
        Showing top 4 results

        """

    static let catalogue = """
        video_id,video,category,priorities
        xK3v9Qa1b2c,"Grooming, online and offline",Online Safety;Exploitation,Digital Harm
        -aB3dEf9hIj,Safer sleep,Babies,Safeguarding Babies
        ,"The ""Toxic Trio"" explained",Neglect,

        """

    static func writeExport(_ dir: Workdir, folder: String) {
        dir.write("\(folder)/Table data.csv", tableData)
        dir.write(
            "\(folder)/Chart data.csv",
            "Date,Content,Video title,Video publish time,Duration,Views\n2022-04-01,xK3v9Qa1b2c,x,\"Apr 1, 2022\",1260,3\n"
        )
        dir.write("\(folder)/Totals.csv", "Date,Views\n2022-04-01,3\n")
    }

    func checkFigures(_ input: IngestResult, folder: String) throws {
        #expect(input.errors.isEmpty, "\(input.errors)")
        let table = "\(folder)/Table data.csv"
        let ledger = try #require(input.ledger.first { $0.file == table })
        #expect(
            [ledger.dataset, "\(ledger.read)", "\(ledger.used)", "\(ledger.rejected)", "\(ledger.controlTotals)"] == [
                "youtube", "6", "4", "0", "2",
            ])
        #expect(
            input.notes.map(\.description).contains(
                "\(table):2:10: note: control total 1,000 (views) in the 'Total' row exceeds the 4 rows below it (900) because the export lists only its top rows: 100 views are in videos the export does not list, and are not counted"
            ))
        #expect(
            input.notes.map(\.description).contains(
                "\(table): note: read as a YouTube Studio content export (recognised by its header: Content, Video title, Views)"
            ))
        #expect(
            input.notes.map(\.description).contains(
                "\(table): note: 1 exported video is not in the catalogue and counted under Uncategorised: 'Unlisted briefing' (line 6)"
            ))
        #expect(
            input.notes.map(\.description).contains(
                "\(folder)/Chart data.csv: note: not read: a YouTube Studio export's daily or total figures; the report reads its Table data.csv"
            ))
        let report = try ReportBuilder.build(input)
        let videos = try #require(report.tables.first { $0.id == "videos" })
        #expect(videos.title == "Training video views, 2022-23")
        #expect(
            videos.displayRows == [
                ["Online Safety", "", "400"], ["", "Grooming, online and offline", "400"],
                ["Exploitation", "", "400"], ["", "Grooming, online and offline", "400"],
                ["Babies", "", "250"], ["", "Safer sleep", "250"],
                ["Neglect", "", "150"], ["", "The \"Toxic Trio\" explained", "150"],
                ["Uncategorised", "", "100"], ["", "Unlisted briefing", "100"],
                ["Total views as listed", "", "1,300"],
                ["Less videos listed in more than one category", "", "400"],
                ["Total reach, each video counted once", "", "900"],
            ])
        let section = try #require(report.sections.first { $0.title == "Training videos" })
        #expect(
            section.paragraphs == [
                "Training videos were viewed 900 times in 2022-23 (1,300 as listed by category, with one video listed twice)."
            ])
        let priorities = try #require(report.tables.first { $0.id == "priorities" })
        #expect(priorities.display("Digital Harm") == ["Digital Harm", "N/A", "N/A", "400", "400"])
        // The column and a note say the reach adds plays, not people.
        #expect(
            priorities.columns.map(\.title) == ["Priority", "Sessions", "Trained", "Training video views", "Total"])
        #expect(
            priorities.notes.contains(
                "Video views are plays, not people: the total adds people trained and plays of the priority's videos."))
        // Views are plays, not people: the sentence says so.
        let prioritySection = try #require(report.sections.first { $0.title == "Business priorities" })
        #expect(
            prioritySection.paragraphs.contains(
                "Digital Harm: training: not recorded, and its training videos were viewed 400 times."),
            "\(prioritySection.paragraphs)")
    }

    @Test func anExportUnzippedInAFolderNamedForItsPeriod() throws {
        let dir = Workdir()
        let folder = "Content 2022-04-01_2023-03-31 Borsetshire SCP"
        Self.writeExport(dir, folder: folder)
        dir.write("catalogue.csv", Self.catalogue)
        try checkFigures(InputFolder.read(dir.url), folder: folder)
    }

    /// A catalogue kept as a spreadsheet lists it, one row per video and category, reads as
    /// the `;`-joined one; the same video twice under one category is still refused.
    @Test func aCatalogueWithARowPerCategoryIsMerged() throws {
        let dir = Workdir()
        let folder = "Content 2022-04-01_2023-03-31 Borsetshire SCP"
        Self.writeExport(dir, folder: folder)
        dir.write(
            "catalogue.csv",
            """
            video_id,video,category,priorities
            xK3v9Qa1b2c,"Grooming, online and offline",Online Safety,Digital Harm
            -aB3dEf9hIj,Safer sleep,Babies,Safeguarding Babies
            xK3v9Qa1b2c,"Grooming, online and offline",Exploitation,Digital Harm
            ,"The ""Toxic Trio"" explained",Neglect,

            """)
        try checkFigures(InputFolder.read(dir.url), folder: folder)

        dir.write(
            "catalogue.csv",
            """
            video_id,video,category,priorities
            xK3v9Qa1b2c,"Grooming, online and offline",Online Safety,Digital Harm
            xK3v9Qa1b2c,Grooming,online safety,

            """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "catalogue.csv:3: error: duplicate catalogue video (same id or title, and category) of catalogue.csv:2; expected each once"
            ])
    }

    @Test func anExportLeftAsTheZipYouTubeGives() throws {
        let dir = Workdir()
        let staging = Workdir("staging")
        let name = "Content 2022-04-01_2023-03-31 Borsetshire SCP"
        Self.writeExport(staging, folder: "export")
        let archive = try Archive(url: dir.url.appendingPathComponent("\(name).zip"), accessMode: .create)
        for file in ["Table data.csv", "Chart data.csv", "Totals.csv"] {
            try archive.addEntry(with: file, relativeTo: staging.url.appendingPathComponent("export"))
        }
        dir.write("catalogue.csv", Self.catalogue)
        try checkFigures(InputFolder.read(dir.url), folder: "\(name).zip")
    }

    @Test func anExportWithNoPeriodOrYearSaysHowToGiveOne() {
        let dir = Workdir()
        dir.write("Table data.csv", Self.tableData)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "Table data.csv: error: cannot tell which year the export covers; expected it in the folder or zip YouTube Studio names (Content 2022-04-01_2023-03-31 Channel name), or a financial year in the file name (Table data 2022-23.csv)"
            ])
        let ledger = input.ledger.first
        #expect(ledger.map { [$0.read, $0.used, $0.rejected] } == [6, 0, 6])
    }

    @Test func aPeriodAcrossTwoYearsIsAnError() {
        let dir = Workdir()
        dir.write("Content 2022-01-01_2022-12-31 X/Table data.csv", Self.tableData)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "Content 2022-01-01_2022-12-31 X/Table data.csv: error: the export's period 2022-01-01 to 2022-12-31 spans 2021-22 and 2022-23; expected an export of one financial year (1 April to 31 March), chosen in YouTube Studio's date range"
            ])
    }

    /// Found by the fuzz: a leading Total row shorter than the header must not crash.
    @Test func aShortLeadingTotalRowIsChecked() {
        let dir = Workdir()
        dir.write(
            "Table data 2022-23.csv",
            "Content,Video title,Video publish time,Duration,Views\nTotal\na1,One,\"Apr 1, 2022\",10,60\n")
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty)
        #expect(
            input.notes.map(\.description).contains(
                "Table data 2022-23.csv:2: note: the 'Total' row has no views to check; not counted as a record"))
        #expect(input.ledger.first.map { [$0.read, $0.used, $0.controlTotals] } == [2, 1, 1])
    }

    @Test func aTotalLessThanTheRowsIsAnError() {
        let dir = Workdir()
        dir.write(
            "Table data 2022-23.csv",
            """
            Content,Video title,Video publish time,Duration,Views
            Total,,,,90
            a1,One,"Apr 1, 2022",10,60
            b2,Two,"Apr 2, 2022",10,40
            """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "Table data 2022-23.csv:2:10: error: control total 90 (views) in the 'Total' row does not agree with the 2 rows below it (lines 3–4), which add up to 100, a difference of -10; expected the rows to add up to the total"
            ])
    }

    /// The sample's 2022-23 video figures, fed as a content export plus a catalogue, come out
    /// the same: each category's total and the reach with each video counted once.
    @Test func theSampleVideosAsAnExportGiveTheSameFigures() throws {
        let sample = try String(contentsOf: SampleInputs.file("videos.csv"), encoding: .utf8)
        let rows = parseCSV(sample).dropFirst().filter { FinancialYear(label: $0[0])?.startYear == 2022 }
        var export = "Content,Video title,Video publish time,Duration,Views\n"
        var catalogue = "video_id,video,category,priorities\n"
        var categories: [String: [String]] = [:]
        var order: [String] = []
        var info: [String: (String, String, String)] = [:]
        for row in rows {
            // A category-level figure becomes a video named for its category.
            let id = row[3].isEmpty ? "category-\(row[1])" : row[3]
            if categories[id] == nil {
                order.append(id)
                info[id] = (row[2].isEmpty ? row[1] : row[2], row[4], row[5])
            }
            categories[id, default: []].append(row[1])
        }
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        for id in order {
            let (title, views, priorities) = info[id]!
            export += "\(id),\(quoted(title)),\"Apr 1, 2022\",60,\(views)\n"
            catalogue +=
                "\(id),\(quoted(title)),\(quoted(categories[id]!.joined(separator: ";"))),\(quoted(priorities))\n"
        }
        let fromExport = Workdir("export")
        try FileManager.default.copyItem(
            at: SampleInputs.configuration,
            to: fromExport.url.appendingPathComponent("annual-report.yaml"))
        fromExport.write("Content 2022-04-01_2023-03-31 LLR SCP/Table data.csv", export)
        fromExport.write("catalogue.csv", catalogue)
        let fromList = Workdir("list")
        try FileManager.default.copyItem(
            at: SampleInputs.configuration,
            to: fromList.url.appendingPathComponent("annual-report.yaml"))
        fromList.write("videos.csv", sample)

        func figures(_ dir: Workdir) throws -> [String: String] {
            let input = InputFolder.read(dir.url)
            #expect(input.errors.isEmpty, "\(input.errors)")
            let report = try ReportBuilder.build(input, year: FinancialYear(startYear: 2022))
            let table = try #require(report.tables.first { $0.id == "videos" })
            var out: [String: String] = [:]
            for row in table.displayRows where !row[0].isEmpty { out[row[0]] = row[2] }
            let priorities = try #require(report.tables.first { $0.id == "priorities" })
            for row in priorities.displayRows { out["priority " + row[0]] = row[3] }
            return out
        }
        let listed = try figures(fromList)
        let exported = try figures(fromExport)
        #expect(listed["Total reach, each video counted once"] == "2,271")
        #expect(exported == listed)
    }
}
