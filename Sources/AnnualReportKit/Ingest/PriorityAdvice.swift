/// The configuration that makes priorities a typo apart one (`SimilarNames`), to paste into
/// annual-report.yaml as it is printed: once priorities are configured, every name in the data
/// must be one of them, so the snippet lists every priority found in each year's records, with
/// each misspelling an alias of the spelling used more often (the first written, when as often).
enum PriorityAdvice {
    /// One priority name as written on a record, with the record's year.
    struct Tagged {
        var name: String
        var year: FinancialYear
    }

    /// The spelling each misspelling stands for, from alike `pairs` and how often each name is written.
    static func canonical(pairs: [(first: String, second: String)], tagged: [Tagged]) -> [String: String] {
        var uses: [String: Int] = [:]
        for t in tagged { uses[PriorityCatalog.key(t.name), default: 0] += 1 }
        var misspelt: [String: String] = [:]
        for (first, second) in pairs {
            let (right, wrong) =
                uses[PriorityCatalog.key(second), default: 0] > uses[PriorityCatalog.key(first), default: 0]
                ? (second, first) : (first, second)
            if misspelt[PriorityCatalog.key(wrong)] == nil { misspelt[PriorityCatalog.key(wrong)] = right }
        }
        // A chain (a misspelling of a misspelling) ends at a name that is not itself misspelt.
        return misspelt.mapValues { name in
            var name = name
            var steps = 0
            while let next = misspelt[PriorityCatalog.key(name)], steps < misspelt.count {
                name = next
                steps += 1
            }
            return name
        }
    }

    /// The `priorities:` block, from the start of the line, so that it is valid YAML pasted into
    /// a new annual-report.yaml or under the settings of one.
    static func snippet(pairs: [(first: String, second: String)], tagged: [Tagged]) -> String {
        let right = canonical(pairs: pairs, tagged: tagged)
        // Each name once, as first written, in order of first appearance; and its aliases.
        var written: [String: String] = [:]
        var order: [String] = []
        var aliases: [String: [String]] = [:]
        for t in tagged where written[PriorityCatalog.key(t.name)] == nil {
            written[PriorityCatalog.key(t.name)] = t.name
            if let r = right[PriorityCatalog.key(t.name)] {
                aliases[PriorityCatalog.key(r), default: []].append(t.name)
            }
        }
        var byYear: [FinancialYear: [String]] = [:]
        for t in tagged {
            let key = PriorityCatalog.key(right[PriorityCatalog.key(t.name)] ?? t.name)
            if byYear[t.year]?.contains(key) != true { byYear[t.year, default: []].append(key) }
            if !order.contains(key) { order.append(key) }
        }
        var lines = ["priorities:"]
        for year in byYear.keys.sorted() {
            lines.append("  \"\(year.label)\":")
            for key in order where byYear[year]!.contains(key) {
                let name = AliasSuggestion.yamlScalar(written[key] ?? key)
                if let alias = aliases[key] {
                    lines.append("    - name: \(name)")
                    lines.append("      aliases: [\(alias.map(AliasSuggestion.yamlScalar).joined(separator: ", "))]")
                } else {
                    lines.append("    - \(name)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
