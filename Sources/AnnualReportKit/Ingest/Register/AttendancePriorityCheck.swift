import Foundation

/// Checks priority names against a configured catalog from any thread. Without configured
/// priorities every name is known and resolution waits for the merge, in order of first appearance.
final class AttendancePriorityCheck: @unchecked Sendable {
    private let catalog: PriorityCatalog
    private let lock = PthreadMutex()

    init(catalog: PriorityCatalog) { self.catalog = catalog }

    /// `PriorityCatalog.joined`, from any thread.
    func joined(_ item: String) -> [String]? {
        guard item.contains(where: PriorityCatalog.isJoiner) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return catalog.joined(item)
    }

    /// Nil when the name is known (or nothing is configured); else `.some(closest)`.
    func unknown(_ item: String) -> String?? {
        guard catalog.isConfigured else { return nil }
        lock.lock()
        defer { lock.unlock() }
        switch catalog.resolve(item) {
        case .known: return nil
        case .unknown(let closest): return .some(closest)
        }
    }
}
