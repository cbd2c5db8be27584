/// The evaluation forms per training event, which count an event's evaluations instead of its
/// training row's `evaluations` column (SPEC: an `evaluations` dataset, when present, counts
/// them). An event without forms keeps its row's figure: forms may be kept for courses only
/// while a conference's are counted on paper (the sample's conferences).
struct EvaluationCounts {
    /// Forms per event, keyed by the training row (or register session) they link to.
    private let byEvent: [SourceLocation: Int64]
    /// The years with forms: there an event with neither forms nor a figure had none (0).
    let years: Set<FinancialYear>

    init(_ forms: [EvaluationForm]?) {
        var byEvent: [SourceLocation: Int64] = [:]
        var years: Set<FinancialYear> = []
        for form in forms ?? [] {
            byEvent[form.eventSource, default: 0] += 1
            years.insert(form.year)
        }
        self.byEvent = byEvent
        self.years = years
    }

    /// The forms for `event`, nil when it has none.
    func count(_ event: TrainingEvent) -> Int64? { byEvent.isEmpty ? nil : byEvent[event.source] }

    /// An event's evaluations: its forms, else its row's figure, else 0 in a year with forms
    /// and not recorded (nil) in one without.
    func evaluations(_ event: TrainingEvent) -> Int64? {
        count(event) ?? event.evaluations ?? (years.contains(event.year) ? 0 : nil)
    }
}
