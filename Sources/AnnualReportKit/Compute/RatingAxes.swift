/// Charts of mean ratings plot on the forms' rating scale (1 to 5 unless `evaluation_scale` says
/// otherwise) rather than from zero, so a mean of 2.9 out of 5 sits where a reader of the form
/// expects it, and the axis says what its title says.
enum RatingAxes {
    /// The charts whose series are mean ratings.
    static let chartIDs: Set<String> = ["impact-before-after"]

    /// `section` with the value axis of each rating chart fixed to `scale`.
    static func onScale(_ section: ReportSection, scale: ClosedRange<Int64>) -> ReportSection {
        var section = section
        for i in section.charts.indices where chartIDs.contains(section.charts[i].id) {
            section.charts[i].valueRange = scale
        }
        return section
    }
}
