import Foundation

/// Keeps Tesseract's OpenMP to one thread per engine.
///
/// Sumi already spreads pages and files over the cores, so OpenMP threads inside each
/// Tesseract call only fight them. libgomp reads `OMP_THREAD_LIMIT` once, in its load-time
/// constructor, before any Swift code runs: a `setenv` later has no effect (measured on a
/// 300 dpi scanned form on 2 cores: 16.6 s wall, 7.2 s of it in the kernel, with the
/// 4 threads libgomp starts by default; 2.0 s wall with the limit in the environment).
/// No OpenMP call can lower the thread limit at run time, so the only way is to set the
/// variable and start the program again.
public enum OpenMPThreads {
    /// If `OMP_THREAD_LIMIT` is unset, sets it to 1 and re-executes this program with the same
    /// arguments (same pid, same open files). Child processes (batch workers) inherit it.
    /// Call first in `main`, before any thread starts. Returns normally when nothing is to be
    /// done or when the re-exec fails (then OCR is only slower).
    public static func ensureSingleThreaded() {
        guard getenv("OMP_THREAD_LIMIT") == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", &argv)
        // Only reached when the exec failed (no /proc): carry on with the default threads.
        for pointer in argv { free(pointer) }
    }
}
