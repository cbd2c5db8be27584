import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress report on stderr while a large file is read: rows, MB and rate,
/// rewritten in place with `\r` at most five times a second, and erased when done.
///
/// `ProgressLine.standardError()` is nil unless stderr is a terminal, so logs and pipes get
/// nothing. Thread-safe: the reader thread updates it.
public final class ProgressLine: @unchecked Sendable {
    private let write: (String) -> Void
    private let interval: Double
    private let lock = NSLock()
    private var start: Double?
    private var lastShown = 0.0
    private var shownWidth = 0

    /// A progress line on stderr when it is a terminal; nil otherwise.
    public static func standardError() -> ProgressLine? {
        guard isatty(2) == 1 else { return nil }
        return ProgressLine { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// `write` receives the raw text (with `\r`); `interval` is the minimum seconds between lines.
    init(interval: Double = 0.2, write: @escaping (String) -> Void) {
        self.write = write
        self.interval = interval
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// `attendance.csv: 3,200,000 rows, 412 MB, 1,650,000 rows/s`, unless one was shown less than `interval` ago.
    func update(file: String, rows: Int, bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Self.now()
        if start == nil {
            start = now
            lastShown = now
            return
        }
        guard now - lastShown >= interval else { return }
        lastShown = now
        let seconds = max(now - start!, 1e-6)
        let text =
            "\(file): \(Count.grouped(rows)) rows, \(Count.grouped(bytes / 1_000_000)) MB, \(Count.grouped(Int(Double(rows) / seconds))) rows/s"
        let pad = max(0, shownWidth - text.count)
        shownWidth = text.count
        write("\r" + text + String(repeating: " ", count: pad))
    }

    /// Erases the line, if one was shown.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shownWidth > 0 { write("\r" + String(repeating: " ", count: shownWidth) + "\r") }
        shownWidth = 0
        start = nil
    }

    /// This line's updates, as ingest takes them.
    var readProgress: ReadProgress {
        ReadProgress(
            update: { [self] file, rows, bytes in update(file: file, rows: rows, bytes: bytes) },
            finish: { [self] in finish() })
    }
}
