extension RuleSet {
    /// Every pattern of every pattern rule as written in the packs, with its rule id.
    /// For benchmarks that compare the engine with a naive loop running each regex over the
    /// whole text (and with `grep -P` given the same patterns). Recognizers are not regexes
    /// and are not listed.
    public var patternSources: [(rule: String, pattern: String)] {
        rules.flatMap { r in r.patterns.map { (r.info.id, $0.pattern) } }
    }
}
