import Foundation

/// A distinct `priorities` cell: its items as written, and the set of keys that identifies it.
struct PriorityList: Sendable {
    var items: [String]
    /// Sorted, distinct `PriorityCatalog.key`s joined by U+001F: equal lists mean the same priorities.
    var canonical: String
    /// The message for each item that is not a priority: one that reaches a person, priorities
    /// joined by commas, or a name the configured catalog does not know (`RowReader.priorityProblem`).
    var problems: [String]

    init(text: String, catalog: AttendancePriorityCheck) {
        var items: [String] = []
        var keys: [String] = []
        problems = []
        for part in text.split(separator: ";") {
            let item = part.trimmingSpaces
            guard !item.isEmpty else { continue }
            let key = PriorityCatalog.key(item)
            if let problem = RowReader.priorityProblem(item, joined: catalog.joined) {
                problems.append(problem)
                continue
            }
            if let closest = catalog.unknown(item) {
                problems.append(RowReader.unknownPriority(item, closest: closest))
                continue
            }
            if !keys.contains(key) {
                keys.append(key)
                items.append(item)
            }
        }
        self.items = items
        canonical = keys.sorted().joined(separator: "\u{1F}")
    }
}
