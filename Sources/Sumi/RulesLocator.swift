import Foundation

/// Finds the Rules/ directory that ships with the tool, without flags, both for
/// `swift run` in a clone and for an installed binary.
public enum RulesLocator {
    /// Order: `$SUMI_RULES`; `<prefix>/share/sumi/Rules` next to an installed binary;
    /// a `Rules/packs` found walking up from the executable (a clone's .build/…/sumi);
    /// `./Rules` in the working directory.
    public static func defaultDirectory() -> URL? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["SUMI_RULES"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var candidates: [URL] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let exeDir = exe.deletingLastPathComponent()
        candidates.append(exeDir.appendingPathComponent("../share/sumi/Rules").standardized)
        var dir = exeDir
        for _ in 0..<8 {
            candidates.append(dir.appendingPathComponent("Rules"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("Rules"))
        return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("packs").path) }
    }
}
