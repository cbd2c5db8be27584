/// The register's figures from its counts: per year, and per year and priority.
extension AttendanceSummary {
    /// Every financial year with a used row; a session counts once however many priorities it has.
    var years: [FinancialYear: Figures] {
        var years: [FinancialYear: Figures] = [:]
        for g in groups {
            years[g.year, default: .init()].sessions += g.sessions
            years[g.year]!.registrations += g.registrations
            years[g.year]!.attendances += g.attendances
        }
        for (year, people) in peoplePerYear where years[year] != nil { years[year]!.people = people }
        return years
    }

    /// Per year and priority: a session tagged with several priorities counts toward each.
    var priorities: [FinancialYear: [Priority: Figures]] {
        var figures: [FinancialYear: [Priority: Figures]] = [:]
        for g in groups {
            for p in g.priorities {
                figures[g.year, default: [:]][p, default: .init()].sessions += g.sessions
                figures[g.year]![p]!.registrations += g.registrations
                figures[g.year]![p]!.attendances += g.attendances
            }
        }
        for (year, byPriority) in peoplePerPriority {
            for (p, people) in byPriority where figures[year]?[p] != nil { figures[year]![p]!.people = people }
        }
        return figures
    }
}
