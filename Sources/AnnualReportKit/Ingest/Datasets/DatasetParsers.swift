/// Row parsers for the report's own datasets (training, videos, reviews, finance), one function
/// each, in its dataset's file beside its schema (`TrainingDataset.swift` …); here, the words
/// that training files and registers share.
enum DatasetParsers {
    /// The words for a training event's kind and format, in training files and registers alike.
    static let kinds: [(String, TrainingEvent.Kind)] = [("course", .course), ("conference", .conference)]
    static let formats: [(String, TrainingEvent.Format)] = [
        ("face-to-face", .faceToFace), ("in person", .faceToFace),
        ("virtual", .virtual), ("online", .virtual),
    ]
}
