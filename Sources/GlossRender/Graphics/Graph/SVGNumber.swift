extension Double {
    /// A coordinate for SVG: rounded to a tenth, without a trailing ".0" (`12`, `12.5`), so
    /// drawings are compact and their bytes do not depend on the last bits of a computation.
    var svgNumber: String {
        let rounded = (self * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
