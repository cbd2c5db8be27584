import Foundation
import Testing

@testable import AnnualReportKit

/// Folders of our own invention kept as offices keep them (`Fixtures/offices/`), each mixing
/// several habits at once, built and asserted figure by figure and message by message.
@Suite(.serialized) struct OfficeFixtureTests {
    static let offices = repositoryRoot.appendingPathComponent("Tests/AnnualReportKitTests/Fixtures/offices")

    /// Builds one fixture folder as CSV and Markdown.
    func build(_ folder: String) throws -> (dir: Workdir, result: Run) {
        let dir = Workdir(folder)
        let result = try run(
            [
                "build", "--inputs", Self.offices.appendingPathComponent(folder).path, "--out", "out", "--format",
                "md,csv",
            ], in: dir)
        return (dir, result)
    }

    func table(_ dir: Workdir, _ name: String) -> [[String]] {
        parseCSV(dir.read("out/2023-24/tables/\(name).csv") ?? "")
    }

    /// Fenwick's combined SCP and SAB ledger: `sep=;`, Windows-1252, CRLF, two title rows,
    /// decimal commas, an instalment in two lines, a refund, back-to-back board totals, `Sum`
    /// and `TOTAL:` labels, a note and a sign-off in three cells.
    @Test func fenwickJointLedger() throws {
        let (dir, result) = try build("fenwick-joint-ledger")
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stderr.split(separator: "\n").map(String.init) == [
                "finance-ledger.csv: note: read as Windows-1252 because the file is not UTF-8",
                "finance-ledger.csv: note: read with ';' as the separator, as its first line (sep=) says",
                "finance-ledger.csv:5: note: the header is on line 5; the 2 rows above it (from line 2) are titles, not records, and are not read",
                "finance-ledger.csv:9:46: note: control total £174,650 (amount) in the 'Total contributions' row agrees with the 3 rows above it for year 2022-23, type contribution, board scp",
                "finance-ledger.csv:12:44: note: control total £139,050.50 (amount) in the 'Sum of expenditure' row agrees with the 2 rows above it for year 2022-23, type expenditure, board scp",
                "finance-ledger.csv:13: note: 2 lines for the contribution 'Fenwick City Council' in 2023-24, board SCP are added together: £50,000 (line 13) + £52,000 (line 16) = £102,000; check that none is entered twice",
                "finance-ledger.csv:15: note: 2 lines for the contribution 'Fenwick Constabulary' in 2023-24, board SCP are added together: £32,500 (line 15) + -£2,500 (line 19) = £30,000; check that none is entered twice",
                "finance-ledger.csv:20:46: note: control total £179,125.25 (amount) in the 'Total contributions' row agrees with the 5 rows above it for year 2023-24, type contribution, board scp",
                "finance-ledger.csv:21:46: note: control total £112,000 (amount) in the 'Total contributions' row agrees with the 2 rows above it for year 2023-24, type contribution, board sab",
                "finance-ledger.csv:25:47: note: control total £145,480.75 (amount) in the 'Total SCP expenditure' row agrees with the 2 rows above it for year 2023-24, type expenditure, board scp",
                "finance-ledger.csv:26:32: note: control total £61,500 (amount) in the 'TOTAL:' row agrees with the 1 row above it for year 2023-24, type expenditure, board sab",
                "finance-ledger.csv:28: note: 2 footnote lines under the records, not read as records: footnotes withheld (lines 28, 29), as they may name a person",
            ])
        #expect(
            table(dir, "data-quality") == [
                ["File", "Dataset", "Rows read", "Rows used", "Rows rejected", "Control totals", "Footnotes"],
                ["finance-ledger.csv", "finance", "23", "15", "0", "6", "2"],
                ["Total", "", "23", "15", "0", "6", "2"],
            ])
        #expect(
            table(dir, "finance-contributions-scp") == [
                ["Partner", "2022-23", "2023-24", "Change", "% change", "Share of 2023-24"],
                ["Fenwick City Council", "98400.00", "102000.00", "3600.00", "3.7", "57"],
                ["Fenwick Constabulary", "31250.00", "30000.00", "-1250.00", "-4.0", "17"],
                ["Fenwick Health ICB", "45000.00", "47125.25", "2125.25", "4.7", "26"],
                ["Total income", "174650.00", "179125.25", "4475.25", "2.6", "100"],
            ])
        #expect(
            table(dir, "finance-contributions-sab") == [
                ["Partner", "2022-23", "2023-24", "Change", "% change", "Share of 2023-24"],
                ["Fenwick City Council", "", "72000.00", "", "", "64"],
                ["Fenwick Health ICB", "", "40000.00", "", "", "36"],
                ["Total income", "", "112000.00", "", "", "100"],
            ])
        #expect(
            table(dir, "finance-expenditure") == [
                ["Category", "2022-23", "2023-24", "Change", "% change"],
                ["Business unit staffing", "120300.00", "124000.00", "3700.00", "3.1"],
                ["Training programme", "18750.50", "21480.75", "2730.25", "14.6"],
                ["Total expenditure", "139050.50", "145480.75", "6430.25", "4.6"],
            ])
        #expect(
            table(dir, "finance-expenditure-sab") == [
                ["Category", "2022-23", "2023-24", "Change", "% change"],
                ["Business unit staffing", "", "61500.00", "", ""],
                ["Total expenditure", "", "61500.00", "", ""],
            ])
        #expect(
            table(dir, "finance-balance") == [
                ["Measure", "2022-23", "2023-24", "Change", "% change"],
                ["Income, SCP", "174650.00", "179125.25", "4475.25", "2.6"],
                ["Income, all boards", "174650.00", "291125.25", "116475.25", "66.7"],
                ["Expenditure, SCP", "139050.50", "145480.75", "6430.25", "4.6"],
                ["Expenditure, all boards", "139050.50", "206980.75", "67930.25", "48.9"],
                ["Income less expenditure", "35599.50", "84144.50", "48545.00", "136.4"],
            ])
        let written = try writtenText(dir.url.appendingPathComponent("out"))
        #expect(!written.contains("Priya") && !written.contains("Raman") && !written.contains("VAT"))
    }

    /// Eastvale's register and video figures: `;` with a byte-order mark, two title rows,
    /// people known only by email (in any case, padded), a `Total` row and a sign-off in three
    /// cells; videos with dots for thousands, a category's own row beside its videos and a
    /// year's `Total`.
    @Test func eastvaleRegister() throws {
        let (dir, result) = try build("eastvale-register")
        #expect(result.status == 0, "\(result)")
        let semicolons =
            "note: read with ';' as the separator (as Excel saves CSV where the decimal mark is a comma; amounts such as 1.234,56 and counts such as 1.054 are read so)"
        #expect(
            result.stderr.split(separator: "\n").map(String.init) == [
                "attendance-2023-24.csv: " + semicolons,
                "videos.csv: " + semicolons,
                "attendance-2023-24.csv:3: note: the header is on line 3; the 2 rows above it (from line 1) are titles, not records, and are not read",
                "attendance-2023-24.csv:11: note: the 'Total' row is a summary row, not a record of attendance; not counted (the attendance dataset has no figure to check it against)",
                "attendance-2023-24.csv:12: note: a footnote line under the records, not read as a record: footnote withheld (line 12), as it may name a person",
                "videos.csv:4:23: note: control total 3,364 for category 'Safer sleep' in 2023-24 agrees with the 2 videos listed for category 'Safer sleep' in 2023-24; not counted again",
                "videos.csv:7:17: note: control total 1,200 (views) in the 'Total' row agrees with the 1 row above it for year 2022-23",
            ])
        #expect(
            table(dir, "data-quality") == [
                ["File", "Dataset", "Rows read", "Rows used", "Rows rejected", "Control totals", "Footnotes"],
                ["videos.csv", "videos", "6", "4", "0", "2", "0"],
                ["attendance-2023-24.csv", "attendance", "9", "7", "0", "1", "1"],
                ["Total", "", "15", "11", "0", "3", "1"],
            ])
        #expect(
            table(dir, "attendance-trend") == [
                ["Year", "Sessions", "Registrations", "Attendances", "People reached"],
                ["2023-24", "3", "7", "6", "4"],
            ])
        #expect(
            table(dir, "attendance-agencies") == [
                ["Agency", "Attendances 2022-23", "Attendances 2023-24", "People 2022-23", "People 2023-24"],
                ["Council", "", "2", "", "1"],
                ["NHS", "", "2", "", "1"],
                ["Police", "", "1", "", "1"],
                ["School", "", "1", "", "1"],
                ["All agencies", "", "6", "", "4"],
            ])
        #expect(
            table(dir, "videos") == [
                ["Category", "Video", "Views"],
                ["Safer sleep", "", "3364"],
                ["", "Safe sleep basics", "1054"],
                ["", "Room sharing", "2310"],
                ["Exploitation", "", "875"],
                ["", "County lines", "875"],
                ["Total reach", "", "4239"],
            ])
        #expect(
            table(dir, "priorities-previous") == [
                ["Priority", "Sessions", "Trained", "Training video views", "Total"],
                ["Safeguarding Babies", "", "", "1200", "1200"],
                ["Total", "", "", "1200", "1200"],
            ])
        #expect(
            dir.read("out/2023-24/annual-report.md")?.contains(
                "In 2023-24, 4 people attended 6 times across 3 sessions (2022-23: not recorded).") == true)
        let written = try writtenText(dir.url.appendingPathComponent("out"))
        for text in ["@", "Whitfield", "Amira", "osei"] {
            #expect(!written.lowercased().contains(text.lowercased()), "'\(text)' was written out")
        }
    }
}
