/// Names a typo apart within one dataset's names (`Safeguardng Babies` beside `Safeguarding
/// Babies`): a warning naming both where each is first written, since without a
/// configuration to decide the tool cannot know whether they are one.
///
/// Names are compared by `PriorityCatalog.key` (case, spaces and `&` already folded, so those
/// differences are one name and never warned of). Two names are alike when an edit of at
/// most 1 character (names under 12 characters) or 2 (longer ones) turns one into the other,
/// and they differ in more than digits (`Conference 2022` and `Conference 2023` are two).
enum SimilarNames {
    /// One name as first written, and where.
    struct Name {
        var name: String
        var source: SourceLocation
    }

    static func alike(_ a: String, _ b: String) -> Bool {
        let ka = PriorityCatalog.key(a)
        let kb = PriorityCatalog.key(b)
        guard ka != kb, min(ka.count, kb.count) >= 5 else { return false }
        let limit = max(ka.count, kb.count) < 12 ? 1 : 2
        guard abs(ka.count - kb.count) <= limit else { return false }
        if ka.filter({ !$0.isNumber }) == kb.filter({ !$0.isNumber }) { return false }
        return Edit.distance(ka, kb) <= limit
    }

    /// Each pair of alike names, first written first in each pair.
    static func pairs(_ names: [Name]) -> [(first: Name, second: Name)] {
        // Distinct by key, first written first; a register's hundreds of names stay cheap to pair.
        var seen: Set<String> = []
        var distinct: [Name] = []
        for n in names where seen.insert(PriorityCatalog.key(n.name)).inserted { distinct.append(n) }
        guard distinct.count <= 1000 else { return [] }
        var found: [(first: Name, second: Name)] = []
        for i in distinct.indices {
            for j in distinct.indices where j > i && alike(distinct[i].name, distinct[j].name) {
                found.append((distinct[i], distinct[j]))
            }
        }
        return found
    }

    /// A warning for each pair of alike names; `kind` names them (`priorities`, `partners`),
    /// `advice` says how to make them one.
    static func warnings(_ names: [Name], kind: String, advice: (String, String) -> String) -> [Diagnostic] {
        pairs(names).map { a, b in
            Diagnostic(
                .warning, file: b.source.file, line: b.source.line, column: nil,
                "\(kind) '\(b.name)' and '\(a.name)' (\(a.source)) are one letter or two apart, and are counted as two; \(advice(a.name, b.name))"
            )
        }
    }

    /// The warnings for an inputs folder's records: priorities when none are configured,
    /// partners, and expenditure categories.
    static func warnings(_ records: Records, configuration: ReportConfiguration) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if configuration.priorities.isEmpty {
            var names: [Name] = []
            var tagged: [PriorityAdvice.Tagged] = []
            for e in records.training ?? [] {
                for p in e.priorities {
                    names.append(Name(name: p.name, source: e.source))
                    tagged.append(.init(name: p.name, year: e.year))
                }
            }
            for v in records.videos ?? [] {
                for p in v.priorities {
                    names.append(Name(name: p.name, source: v.source))
                    tagged.append(.init(name: p.name, year: v.year))
                }
            }
            let alike = pairs(names)
            if !alike.isEmpty {
                // One configuration for every pair: priorities once configured must list every name in the data.
                let snippet = PriorityAdvice.snippet(
                    pairs: alike.map { ($0.first.name, $0.second.name) }, tagged: tagged)
                result += warnings(names, kind: "priorities") { _, _ in
                    "if they are one, correct the misspelt cells, or add these lines to annual-report.yaml, which list every priority in the data by year with the misspelling as an alias:\n"
                        + snippet
                }
            }
        }
        let finance = records.finance ?? []
        for (kind, label) in [(FinanceLine.Kind.contribution, "partners"), (.expenditure, "expenditure categories")] {
            let names = finance.filter { $0.kind == kind }.map { Name(name: $0.line, source: $0.source) }
            result += warnings(names, kind: label) { a, b in
                kind == .contribution
                    ? "if they are one, correct the misspelt cells, or add to annual-report.yaml:\n    partners:\n      \(AliasSuggestion.yamlScalar(a)): [\(AliasSuggestion.yamlScalar(b))]"
                    : "if they are one, correct the misspelt cells"
            }
        }
        return result
    }
}
