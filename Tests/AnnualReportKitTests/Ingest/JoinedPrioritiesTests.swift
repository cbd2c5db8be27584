import Foundation
import Testing

@testable import AnnualReportKit

/// A priorities cell that is two priorities written with a comma or a slash (`Neglect,
/// Exploitation`) is an error at its cell saying to separate them with `;`, never a priority
/// of its own; an unknown priority is quoted (priorities are the partnership's words) unless
/// it reaches a person.
@Suite struct JoinedPrioritiesTests {
    static let joinedErrors = [
        "training.csv:4:23: error: 'Neglect, Exploitation' looks like two priorities separated by a comma; separate priorities with ';' (Neglect;Exploitation)",
        "training.csv:5:14: error: 'Neglect / Exploitation' looks like two priorities separated by '/'; separate priorities with ';' (Neglect;Exploitation)",
    ]

    func priorities(_ result: IngestResult) throws -> ReportTable {
        try #require(try ReportBuilder.build(result).tables.first { $0.id == "priorities" })
    }

    /// Trial f11: Neglect and Exploitation are priorities on their own in the rows above.
    @Test func commaAndSlashJoinedPrioritiesAreErrorsAtTheirCells() throws {
        let dir = try trialFixture("f11-priority-lists")
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(result.diagnostics.map(\.description) == Self.joinedErrors)
        #expect(result.ledger.map { [$0.read, $0.used, $0.rejected] } == [[4, 2, 2]])
        #expect(result.discoveredPriorities.map(\.name) == ["Neglect", "Exploitation"])
        #expect(try priorities(result).display("Neglect") == ["Neglect", "1", "10", "N/A", "10"])
    }

    /// Done as the errors say, Neglect is trained at all three of its events: 117 people.
    @Test func separatedWithSemicolonsNeglectHasItsThreeEvents() throws {
        let dir = try trialFixture("f11-priority-lists")
        let url = dir.url.appendingPathComponent("in/training.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "\"Neglect, Exploitation\"", with: "Neglect;Exploitation")
            .replacingOccurrences(of: "Neglect / Exploitation", with: "Neglect;Exploitation")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let table = try priorities(result)
        #expect(table.display("Neglect") == ["Neglect", "3", "117", "N/A", "117"])
        #expect(table.display("Exploitation") == ["Exploitation", "3", "127", "N/A", "127"])
    }

    /// With the priorities configured the message is the same, not `unknown priority (withheld)`.
    @Test func withConfiguredPrioritiesTheMessageIsTheSame() throws {
        let dir = try trialFixture("f11-priority-lists")
        dir.write("in/annual-report.yaml", "priorities:\n  \"2023-24\": [Neglect, Exploitation]\n")
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(result.errors.map(\.description) == Self.joinedErrors)
    }

    /// A joined cell above the rows that hold its parts on their own is found all the same.
    @Test func aJoinedCellBeforeItsPartsIsFound() {
        let dir = Workdir()
        dir.write(
            "in/training.csv",
            """
            date,title,priorities,attendees
            2023-04-20,Conference,"Neglect, Exploitation",100
            2023-05-01,A,Neglect,10
            2023-06-01,B,Exploitation,20

            """)
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(
            result.diagnostics.map(\.description) == [
                "training.csv:2:23: error: 'Neglect, Exploitation' looks like two priorities separated by a comma; separate priorities with ';' (Neglect;Exploitation)"
            ])
        #expect(result.discoveredPriorities.map(\.name) == ["Neglect", "Exploitation"])
        #expect(result.ledger.map { [$0.read, $0.used, $0.rejected] } == [[3, 2, 1]])
    }

    /// A configured priority whose own name holds a comma is that priority; a comma between
    /// words that are not both priorities (`Neglect, and more`) is an unknown priority, quoted.
    @Test func aConfiguredNameWithACommaStaysOnePriority() {
        let dir = Workdir()
        dir.write(
            "in/annual-report.yaml",
            """
            priorities:
              "2023-24": ["Exploitation, missing and trafficking", Neglect, Exploitation]

            """)
        dir.write(
            "in/training.csv",
            """
            date,title,priorities,attendees
            2023-05-01,A,"Exploitation, missing and trafficking",10
            2023-06-01,B,Neglect;Exploitation,20
            2023-07-01,C,"Neglect, and more",5
            2023-08-01,D,Domestic Abuse,5
            2023-09-01,E,Call 07700 900123,5

            """)
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(
            result.diagnostics.map(\.description) == [
                "training.csv:4:14: error: unknown priority 'Neglect, and more'; expected a configured priority or alias; did you mean 'Neglect'?",
                "training.csv:5:14: error: unknown priority 'Domestic Abuse'; expected a configured priority or alias; did you mean 'Neglect'?",
                "training.csv:6:14: error: priority (withheld) holds an email address or a telephone number, which the report's tables would show; expected a priority's name, with no personal details",
            ])
        #expect(result.records.training?.first?.priorities.map(\.name) == ["Exploitation, missing and trafficking"])
    }

    /// A register's session tagged `Neglect, Exploitation`, with both priorities in the training log.
    @Test func aRegistersJoinedPrioritiesAreAnErrorAtTheCell() {
        let dir = Workdir()
        dir.write(
            "in/training.csv",
            "date,title,priorities,attendees\n2023-05-01,A,Neglect,10\n2023-06-01,B,Exploitation,20\n")
        dir.write(
            "in/attendance.csv",
            """
            session_id,date,title,priorities,delegate_id,attended
            S1,2023-09-01,Briefing,"Neglect, Exploitation",D1,yes
            S2,2023-09-02,Briefing,Neglect;Exploitation,D1,yes

            """)
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(
            result.errors.map(\.description) == [
                "attendance.csv:2:24: error: 'Neglect, Exploitation' looks like two priorities separated by a comma; separate priorities with ';' (Neglect;Exploitation)"
            ])
    }

    /// `rejects.csv` shows the priorities cell as the message quotes it (the title stays withheld),
    /// and withholds one that reaches a person.
    @Test func rejectsShowThePrioritiesCellUnlessItReachesAPerson() throws {
        let dir = try trialFixture("f11-priority-lists")
        let url = dir.url.appendingPathComponent("in/training.csv")
        try (try String(contentsOf: url, encoding: .utf8) + "2023-09-01,E,Ask jo@wyvern.gov.uk,3\n").write(
            to: url, atomically: true, encoding: .utf8)
        let out = Workdir("out")
        _ = try ReportRun(inputs: dir.url.appendingPathComponent("in"), output: out.url, keepGoing: true).build()
        #expect(
            parseCSV(out.read("2023-24/rejects.csv") ?? "").map { Array($0.dropFirst(2)) }.suffix(3) == [
                [
                    Self.joinedErrors[0].components(separatedBy: ": error: ")[1], "2023-07-01", "(withheld)",
                    "Neglect, Exploitation", "100",
                ],
                [
                    Self.joinedErrors[1].components(separatedBy: ": error: ")[1], "2023-08-01", "(withheld)",
                    "Neglect / Exploitation", "7",
                ],
                [
                    "priority (withheld) holds an email address or a telephone number, which the report's tables would show; expected a priority's name, with no personal details",
                    "2023-09-01", "(withheld)", "(withheld)", "3",
                ],
            ])
    }

    @Test func whatReachesAPerson() {
        for text in ["jane@x.org", "Call 07700 900123", "(0116) 305 0000", "+44 1632 960123"] {
            #expect(PersonalText.reachesPerson(text), "\(text)")
        }
        for text in [
            "Neglect, Exploitation", "Domestic Abuse", "2022-2023 priorities", "Conference 2023-24", "Room 101",
        ] {
            #expect(!PersonalText.reachesPerson(text), "\(text)")
        }
    }
}
