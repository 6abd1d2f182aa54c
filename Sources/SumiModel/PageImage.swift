import Foundation

/// A page drawn as a picture, for people to see where the findings are (the HTML report,
/// the staff page): PNG bytes and the page's size in PDF points, the unit of finding boxes.
public struct PageImage: Sendable, Hashable {
    /// 1-based page.
    public var page: Int
    /// Page size in points: a finding's bbox divided by these is its place on the image.
    public var width: Double
    public var height: Double
    public var png: Data

    public init(page: Int, width: Double, height: Double, png: Data) {
        self.page = page; self.width = width; self.height = height; self.png = png
    }
}
