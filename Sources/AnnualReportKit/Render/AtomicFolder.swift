import Foundation

/// Writes a whole output folder or nothing: the contents go to a temporary folder beside the
/// destination, which then replaces the destination by rename. A failure at any point leaves
/// the previous folder exactly as it was.
enum AtomicFolder {
    static func write(to destination: URL, _ fill: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let suffix = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = parent.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(suffix)")
        try fm.createDirectory(at: temporary, withIntermediateDirectories: false)
        do {
            try fill(temporary)
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
        if fm.fileExists(atPath: destination.path) {
            let old = parent.appendingPathComponent(".\(destination.lastPathComponent).old-\(suffix)")
            try fm.moveItem(at: destination, to: old)
            do {
                try fm.moveItem(at: temporary, to: destination)
            } catch {
                try? fm.moveItem(at: old, to: destination)
                try? fm.removeItem(at: temporary)
                throw error
            }
            try? fm.removeItem(at: old)
        } else {
            try fm.moveItem(at: temporary, to: destination)
        }
    }

    /// Writes `text` as UTF-8 to `relativePath` under `folder`, creating subfolders.
    static func put(_ text: String, _ relativePath: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
