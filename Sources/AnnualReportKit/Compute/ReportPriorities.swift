/// The priorities each year's tables show: configured, else those tagged on the year's
/// records, in order of first appearance.
enum ReportPriorities {
    /// The function from a year to its priorities, for `SectionContext.prioritiesFor`.
    static func lookup(_ input: ReportInput) -> (FinancialYear) -> [Priority] {
        let configuration = input.configuration
        let taggedByYear = tagged(input.records)
        return { y in
            if let configured = configuration.priorities[y] { return configured.map { Priority($0.name) } }
            // Without configured priorities for the year: those tagged on its records, in order of first appearance.
            var seen: [Priority] = []
            let tagged = taggedByYear[y] ?? []
            let order =
                input.discoveredPriorities
                + configuration.priorities.keys.sorted().flatMap {
                    configuration.priorities[$0]!.map { Priority($0.name) }
                }
            for p in order where tagged.contains(p) && !seen.contains(p) { seen.append(p) }
            for p in tagged where !seen.contains(p) { seen.append(p) }
            return seen
        }
    }

    /// Each year's tagged priorities, distinct, in order of first appearance (training, then
    /// videos): one pass, not one per question (a register makes hundreds of thousands of events).
    static func tagged(_ records: Records) -> [FinancialYear: [Priority]] {
        var taggedByYear: [FinancialYear: [Priority]] = [:]
        var run: (year: FinancialYear, tagged: [Priority])?  // a run of records of one year, stored once
        func tag(_ year: FinancialYear, _ priorities: [Priority]) {
            if run?.year != year {
                if let run { taggedByYear[run.year] = run.tagged }
                run = (year, taggedByYear[year] ?? [])
            }
            for p in priorities where !run!.tagged.contains(p) { run!.tagged.append(p) }
        }
        for e in records.training ?? [] { tag(e.year, e.priorities) }
        for v in records.videos ?? [] { tag(v.year, v.priorities) }
        if let run { taggedByYear[run.year] = run.tagged }
        return taggedByYear
    }
}
