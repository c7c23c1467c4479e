import Foundation
import GlossAnalysis
import GlossContent
import GlossMarkdown

/// The markup of images in text: `partials/image` (a `<picture>` with its copies) and
/// `partials/figure` (the image with its caption and credit in a `<figcaption>`), written for
/// the page the text lands on.
extension BodyMarkup {
    func image(_ image: SiteImage, at route: Route, eager: Bool) -> String {
        render("partials/image", content: "") { ImageItem(image, on: route, layout: .column, eager: eager).fields }
    }

    /// `parts`: the HTML of the figure's caption and credit lines, by placeholder.
    func figure(_ figure: SiteFigure, parts: [Int: String], at route: Route, eager: Bool) -> String {
        let caption = figure.caption.flatMap { parts[$0] } ?? figure.titleCaption?.htmlEscaped
        let credit = figure.credit.flatMap { parts[$0] } ?? figure.titleCredit?.htmlEscaped
        return render("partials/figure", content: "") {
            [("image", TemplateContext.flatten(ImageItem(figure.image, on: route, layout: .column, eager: eager))),
             ("captionHTML", caption ?? TemplateNull() as Any), ("creditHTML", credit ?? TemplateNull() as Any), ("hasCaption", caption != nil || credit != nil)]
        }
    }
}

extension ImageItem {
    /// The template's fields.
    var fields: [(String, Any)] { TemplateContext.fields(of: self) }
}
