#if canImport(Glibc)
import Glibc
#endif

/// One line to standard error (written straight to fd 2, so it never interleaves mid-line with stdout).
func printError(_ line: String) {
    writeAll(2, Array((line + "\n").utf8))
}

/// Bytes to standard output, unbuffered.
func writeStandardOutput(_ bytes: [UInt8]) {
    writeAll(1, bytes)
}

private func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
