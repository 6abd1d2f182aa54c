import Foundation
#if canImport(Glibc)
import Glibc
#endif

#if _endian(big)
#error("the dictionary cache stores arrays in the host's byte order, assumed little-endian")
#endif

/// Writes the dictionary cache: length-prefixed arrays and strings in the host's
/// (little-endian) byte order, in the order the matching `SnapshotReader` calls read them.
/// Arrays start at a multiple of 8 bytes so a mapped file can be used in place. No field
/// names: the cache is rebuilt whenever `DictionaryCache.formatVersion` or the executable changes.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func raw(_ count: Int, _ body: UnsafeRawBufferPointer) {
        u32(UInt32(count))
        while bytes.count % 8 != 0 { bytes.append(0) }
        bytes.append(contentsOf: body)
    }

    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        u32(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func strings(_ a: [String]) {
        u32(UInt32(a.count))
        for s in a { string(s) }
    }

    mutating func table(_ t: FlatStringTable) {
        u32(UInt32(t.count))
        u32(UInt32(t.longest))
        raw(t.pool.count, UnsafeRawBufferPointer(t.pool))
        raw(t.slots.count, UnsafeRawBufferPointer(t.slots))
    }
}

/// A file mapped read-only into memory, unmapped when the last table using it goes.
/// The cache is only ever replaced by renaming a new file over it, so the mapped one
/// never changes under a running scan.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}

/// Reads what `SnapshotWriter` wrote from a mapped file. Every read checks the length
/// left and throws `SnapshotError.truncated` rather than reading past the end of a damaged
/// file. Tables point into the mapping (and keep it alive); strings are copied.
struct SnapshotReader {
    private let file: MappedFile
    private var bytes: UnsafeRawBufferPointer { file.bytes }
    private var offset = 0

    init(_ file: MappedFile) { self.file = file }

    var atEnd: Bool { offset == bytes.count }

    private mutating func take(_ n: Int) throws -> Range<Int> {
        guard n >= 0, n <= bytes.count - offset else { throw SnapshotError.truncated }
        defer { offset += n }
        return offset..<(offset + n)
    }

    mutating func u32() throws -> UInt32 {
        let r = try take(4)
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: r.lowerBound, as: UInt32.self))
    }

    private mutating func raw<T>(_: T.Type) throws -> UnsafeBufferPointer<T> {
        let count = Int(try u32())
        _ = try take((8 - offset % 8) % 8)
        let r = try take(count * MemoryLayout<T>.stride)
        guard let base = bytes.baseAddress else { throw SnapshotError.truncated }
        return UnsafeBufferPointer(start: (base + r.lowerBound).assumingMemoryBound(to: T.self), count: count)
    }

    mutating func string() throws -> String {
        let r = try take(Int(try u32()))
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    mutating func strings() throws -> [String] {
        let count = Int(try u32())
        guard count <= bytes.count - offset else { throw SnapshotError.truncated }
        var out: [String] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try string()) }
        return out
    }

    mutating func table() throws -> FlatStringTable {
        let count = Int(try u32()), longest = Int(try u32())
        let pool = try raw(UInt16.self), slots = try raw(UInt32.self)
        return try FlatStringTable(pool: pool, slots: slots, count: count, longest: longest, storage: file)
    }
}

enum SnapshotError: Error { case truncated, badMagic }
