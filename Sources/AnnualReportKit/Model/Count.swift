/// Parsing and display of whole counts (`1,054`).
enum Count {
    /// Non-negative whole number with optional thousands separators in groups of three:
    /// `1054`, `1,054`, `1,234,567`. Nil for `1,05`, `-3`, `1.5`, and overflow.
    static func parseGrouped(_ text: some StringProtocol) -> UInt64? {
        let s = text.trimmingSpaces
        guard !s.isEmpty else { return nil }
        let groups = s.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
        }
        var value: UInt64 = 0
        for group in groups {
            for byte in group.utf8 {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(byte - 0x30))
                guard !o1, !o2 else { return nil }
                value = a
            }
        }
        guard value <= UInt64(Int64.max) else { return nil }
        return value
    }

    /// `2569` -> `2,569`.
    static func grouped(_ value: some BinaryInteger) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }
}
