#if canImport(Glibc)
import Glibc
#endif

/// One line to standard error (written straight to fd 2, so it never interleaves mid-line with stdout).
func printError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
