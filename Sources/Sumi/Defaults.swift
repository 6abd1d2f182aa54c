import SumiExtract

/// Default limits, re-exported so the CLI need not import the extract stage.
public enum ExtractionLimitsDefaults {
    public static var value: ExtractionLimits { ExtractionLimits() }
}
public typealias ExtractionLimits = SumiExtract.ExtractionLimits
