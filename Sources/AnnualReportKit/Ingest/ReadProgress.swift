/// How a long read reports how far it has got, without knowing who shows it: the pipeline
/// passes its progress line's closures here, so ingest does not depend on the pipeline.
struct ReadProgress: Sendable {
    /// Called as a file is read: its name, rows and bytes so far.
    var update: @Sendable (_ file: String, _ rows: Int, _ bytes: Int) -> Void
    /// Called when a file has been read.
    var finish: @Sendable () -> Void

    init(update: @escaping @Sendable (String, Int, Int) -> Void, finish: @escaping @Sendable () -> Void) {
        self.update = update
        self.finish = finish
    }
}
