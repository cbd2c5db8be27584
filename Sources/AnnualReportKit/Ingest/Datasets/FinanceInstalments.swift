/// Several ledger lines for one partner or category in a year (instalments, a refund, a
/// correction) are summed, as the finance lead would by hand, and a note names each line
/// and its amount, so that a line pasted twice is visible. A partner whose contributions in
/// a year sum below zero is an error: a share of the total cannot be negative.
enum FinanceInstalments {
    static func key(_ l: FinanceLine) -> String {
        "\(l.year)|\(l.kind)|\(l.line.lowercased())|\(l.board?.lowercased() ?? "")"
    }

    static func check(_ lines: [FinanceLine]) -> [Diagnostic] {
        var groups: [String: [FinanceLine]] = [:]
        var order: [String] = []
        for l in lines {
            let k = key(l)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(l)
        }
        var diagnostics: [Diagnostic] = []
        for k in order {
            let group = groups[k]!
            let first = group[0]
            let sum = group.reduce(Money.zero) { $0 + $1.amount }
            let board = first.board.map { ", board \($0)" } ?? ""
            let what = "\(first.kind.rawValue) '\(first.line)' in \(first.year)\(board)"
            let parts = group.map { "\($0.amount.formatted) (line \($0.source.line))" }.joined(separator: " + ")
            if first.kind == .contribution && sum.pence < 0 {
                diagnostics.append(
                    Diagnostic(
                        .error, file: first.source.file, line: first.source.line, column: nil,
                        "the \(what) sums to \(sum.formatted)\(group.count > 1 ? ": " + parts : ""); expected a partner's contributions in a year to come to £0 or more (a refund larger than the payment belongs in the year it was paid)"
                    ))
            } else if group.count > 1 {
                let files =
                    Set(group.map(\.source.file)).count > 1
                    ? " across \(group.map(\.source.description).joined(separator: ", "))" : ""
                diagnostics.append(
                    Diagnostic(
                        .note, file: first.source.file, line: first.source.line, column: nil,
                        "\(group.count) lines for the \(what) are added together\(files): \(parts) = \(sum.formatted); check that none is entered twice"
                    ))
            }
        }
        return diagnostics
    }
}
