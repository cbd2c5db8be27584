import Testing

@testable import AnnualReportKit

/// Every problem class is reported as file:line:column with the exact wording users see.
@Suite struct DiagnosticsTests {
    static let config = """
        partnership: Test
        priorities:
          "2022-23":
            - name: Safeguarding Babies
              aliases: [Babies]
        """

    func messages(_ files: [String: String]) -> (IngestResult, [String]) {
        let dir = Workdir()
        dir.write("annual-report.yaml", Self.config)
        for (name, text) in files { dir.write(name, text) }
        let result = InputFolder.read(dir.url)
        return (result, result.errors.map(\.description))
    }

    @Test func trainingRowProblems() {
        let (result, errors) = messages([
            "training.csv": """
            date,title,kind,priorities,status,attendees,format,evaluations
            31/02/2022,Core,course,,delivered,10,virtual,
            2022-05-01,Core,course,,delivered,-3,virtual,
            2022-05-02,Core,seminar,,delivered,10,virtual,
            2022-05-03,Core,course,Babys,delivered,10,virtual,
            2022-05-04,Core,course,,delivered,10,virtual,,extra
            2022-05-05,Core,course,,delivered
            2022-05-06,Core,course,,delivered,1o,virtual,
            2022-05-07,Core,course,,delivered,10,virtual,
            2022-05-07,Core,course,,delivered,12,virtual,
            2022-05-09,Core,course,,postponed,12,virtual,
            2022-05-08,"Core,course,,delivered,10,virtual,

            """
        ])
        #expect(
            errors == [
                "training.csv:2:1: error: bad date '31/02/2022'; expected a real date such as 2022-09-26, 2022/09/26, 26/09/2022, 26/09/22, 26 September 2022, 26 Sep 2022, 26-Sep-22, Mon 26 Sep 2022 or 26/09/2022 09:30",
                "training.csv:3:35: error: negative attendees '-3'; expected a whole number of 0 or more",
                "training.csv:4:17: error: unknown kind 'seminar'; expected one of: course, conference",
                "training.csv:5:24: error: unknown priority 'Babys'; expected a configured priority or alias; did you mean 'Babies'?",
                "training.csv:6:47: error: row has 9 fields; expected 8 as in the header",
                "training.csv:7: error: row has 5 fields; expected 8 as in the header",
                "training.csv:8:35: error: bad attendees '1o'; expected a whole number such as 1054 or 1,054",
                "training.csv:10: error: duplicate training event (same date, title and kind) of training.csv:9; expected each once",
                "training.csv:11:25: error: unknown status 'postponed'; expected one of: delivered, cancelled",
                "training.csv:12:12: error: unterminated quoted field; expected a closing '\"' before the end of the file",
            ])
        #expect(
            result.ledger == [FileLedger(file: "training.csv", dataset: "training", read: 11, used: 1, rejected: 10)])
        #expect(result.rejected.count == 10)
        // The title is free text: withheld from a rejected row (`Withholding`); typed cells and blanks are shown.
        #expect(
            result.rejected[0].fields == ["31/02/2022", "(withheld)", "course", "", "delivered", "10", "virtual", ""])
    }

    @Test func financeAndHeaderProblems() {
        let (result, errors) = messages([
            "finance.csv":
                "year,type,line,amount\n2022-23,contribution,Council,\"£1,2345\"\n2022-23,donation,Council,5\n2022-24,contribution,Police,5\n",
            "reviews.csv": "reference,date\nR1,2022-01-01\n",
            "videos.csv": "",
            "training.csv": "date,title,attendees\n",
        ])
        #expect(
            errors == [
                "finance.csv:2:30: error: bad amount '£1,2345'; expected pounds with at most 2 decimals, such as £102,496, 102496.00, -£1,000 or (1,000)",
                "finance.csv:3:9: error: unknown type 'donation'; expected one of: contribution, expenditure, budget",
                "finance.csv:4:1: error: bad financial year '2022-24'; expected 2022-23, 2022/23, 2022-2023, 22-23 or FY2022-23",
                "reviews.csv:1: error: missing required column 'type'; expected a header naming one of: type, kind, review type",
                "videos.csv:1:1: error: empty file; expected a header row naming the videos columns",
            ])
        #expect(result.notes.map(\.description).contains("training.csv:1: note: header only, no rows"))
        #expect(result.ledger.allSatisfy { $0.balances })
        #expect(
            result.ledger.first { $0.file == "reviews.csv" }
                == FileLedger(file: "reviews.csv", dataset: "reviews", read: 1, used: 0, rejected: 1))
    }

    @Test func windows1252FileIsDecodedWithANote() throws {
        let dir = Workdir()
        let header = Array("date,title,attendees\n".utf8)
        // "Parental Conflict £5 – Pilot" as Excel's Windows-1252 CSV writes it.
        let row =
            Array("2022-06-01,Parental Conflict ".utf8) + [0xA3] + Array("5 ".utf8) + [0x96] + Array(" Pilot,12\n".utf8)
        dir.write("training.csv", bytes: header + row)
        let result = InputFolder.read(dir.url)
        #expect(result.errors.isEmpty)
        #expect(result.records.training?.first?.title == "Parental Conflict £5 – Pilot")
        #expect(
            result.notes.map(\.description) == [
                "training.csv: note: read as Windows-1252 because the file is not UTF-8"
            ])
        #expect(result.ledger.first?.encoding == "Windows-1252")
    }
}
