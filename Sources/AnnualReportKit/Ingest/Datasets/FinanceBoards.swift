/// Which board's figures the finance tables are for, when a ledger is shared between boards
/// (a Safeguarding Children Partnership and a Safeguarding Adults Board keep one ledger).
///
/// A line with a blank `board` belongs to the report's board. The report's board is the
/// configured `board:`; without one, the ledger's only board; with several, the one board
/// whose name is a children's board's (`SCP`, `LSCP`, `CSP`, or one naming children), with
/// a note; otherwise an error, since choosing would risk publishing another board's figures.
enum FinanceBoards {
    /// Short names and words by which a children's partnership names its board.
    static let childrensBoards: Set<String> = ["SCP", "LSCP", "CSP", "LSCB", "SCB", "CSCP"]

    static func looksLikeChildrens(_ board: String) -> Bool {
        let upper = board.uppercased()
        return childrensBoards.contains(upper) || upper.contains("CHILD")
    }

    /// Settles `configuration.board` for `finance` and says what it decided or why it cannot.
    static func resolve(_ finance: [FinanceLine]?, configuration: inout ReportConfiguration) -> [Diagnostic] {
        guard let finance, let first = finance.first else { return [] }
        let boards = FinanceLine.boards(in: finance)
        let file = first.source.file
        let listed = boards.map { "'\($0)'" }.joined(separator: ", ")
        if let board = configuration.board {
            guard !boards.isEmpty, !boards.contains(where: { $0.caseInsensitiveEquals(board) }) else { return [] }
            return [
                Diagnostic(
                    .error, file: file, line: 0, column: nil,
                    "the configured board '\(board)' names no line of the ledger, whose boards are \(listed); expected `board:` in annual-report.yaml to be one of them (a blank board is the report's own)"
                )
            ]
        }
        guard boards.count > 1 else {
            configuration.board = boards.first
            return []
        }
        let childrens = boards.filter(looksLikeChildrens)
        guard childrens.count == 1, let chosen = childrens.first else {
            return [
                Diagnostic(
                    .error, file: file, line: 0, column: nil,
                    "the ledger holds lines for the boards \(listed) and no configuration says which is the report's; expected `board: <name>` in annual-report.yaml, so that no other board's figures are added into the report's"
                )
            ]
        }
        configuration.board = chosen
        let others = boards.filter { $0 != chosen }.map { "'\($0)'" }.joined(separator: ", ")
        return [
            Diagnostic(
                .note, file: file, line: 0, column: nil,
                "the ledger holds lines for the boards \(listed); the report's board is taken to be '\(chosen)' (a blank board is the report's too), and \(others) shown in tables of their own; say `board:` in annual-report.yaml to choose"
            )
        ]
    }
}
