/// What makes a record a control total for a group of others (`FileIngester.groupTotal`).
struct GroupTotalKey {
    /// The group, e.g. year and category.
    var group: String
    /// Whether the record stands for the whole group (a category's own row).
    var isTotal: Bool
    var amount: Int64
    var source: SourceLocation
    /// How the group is named in messages: `category 'ICON' in 2022-23`.
    var name: String
}

/// Records that stand for a group of others (`FileIngester.groupTotal`), checked as control totals.
enum GroupTotals {
    /// Takes out each record that stands for a group that also lists its members, checks it
    /// against their sum, and counts it as a control total in its file's ledger.
    static func settle<Record>(_ reading: inout DatasetReading<Record>, key: (Record) -> GroupTotalKey?) {
        let keys = reading.records.map(key)
        var members: [String: (sum: Int64, count: Int)] = [:]
        for k in keys.compactMap({ $0 }) where !k.isTotal {
            members[k.group, default: (0, 0)].sum &+= k.amount
            members[k.group]!.count += 1
        }
        var drop = Set<Int>()
        for (i, k) in keys.enumerated() {
            guard let k, k.isTotal, let group = members[k.group] else { continue }
            drop.insert(i)
            if let l = reading.ledger.firstIndex(where: { $0.file == k.source.file }) {
                reading.ledger[l].used -= 1
                reading.ledger[l].controlTotals += 1
            }
            let p = i < reading.measures.count ? reading.measures[i] : nil
            let listed = "the \(group.count) video\(group.count == 1 ? "" : "s") listed for \(k.name)"
            if group.sum == k.amount {
                reading.diagnostics.append(
                    Diagnostic(
                        .note, file: k.source.file, line: k.source.line, column: p?.column,
                        "control total \(Count.grouped(k.amount)) for \(k.name) agrees with \(listed); not counted again"
                    ))
            } else {
                reading.diagnostics.append(
                    Diagnostic(
                        .error, file: k.source.file, line: k.source.line, column: p?.column,
                        "control total \(Count.grouped(k.amount)) for \(k.name) does not agree with \(listed), which add up to \(Count.grouped(group.sum)), a difference of \(Count.grouped(k.amount &- group.sum)); expected a category's own row to equal the sum of its videos, or the category to list no videos"
                    ))
            }
        }
        guard !drop.isEmpty else { return }
        reading.records = reading.records.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        reading.measures = reading.measures.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }
}
