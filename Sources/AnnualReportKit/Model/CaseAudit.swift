/// One agency's part in a multi-agency case audit: the cases it audited and, where the
/// audit graded them, how many it graded each way (Ofsted's scale).
struct CaseAuditRow: Sendable, Hashable {
    enum Grade: String, Sendable, CaseIterable {
        case outstanding = "Outstanding"
        case good = "Good"
        case requiresImprovement = "Requires improvement"
        case inadequate = "Inadequate"
    }
    /// The audit's name or theme.
    var audit: String
    var date: CalendarDate
    var agency: String
    var cases: Int64
    /// Cases selected for the audit (the same on each of its rows), when given.
    var selected: Int64?
    /// Cases per grade; empty when the audit was not graded.
    var grades: [Grade: Int64]
    var source: SourceLocation

    var year: FinancialYear { FinancialYear(containing: date) }
}
