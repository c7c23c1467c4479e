#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Windows-1252 as the WHATWG Encoding standard defines it: the page default when nothing is
/// declared, and what "ISO-8859-1" and "ASCII" mean on the web. Every byte maps to a character.
enum Windows1252 {
    /// 0x80–0x9F; the five bytes Windows leaves undefined map to the C1 controls of the same value.
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}

/// Every other legacy encoding (Shift_JIS, GBK, KOI8-R, ISO-8859-2, …) through the C library's
/// iconv; a byte sequence it cannot convert becomes U+FFFD and decoding goes on.
enum IconvDecoder {
    static func isSupported(_ encoding: String) -> Bool {
        let handle = iconv_open("UTF-8", encoding)
        guard handle != iconv_t(bitPattern: -1) else { return false }
        iconv_close(handle)
        return true
    }

    static func decode(_ bytes: [UInt8], from encoding: String) -> String? {
        let handle = iconv_open("UTF-8", encoding == "gbk" ? "GB18030" : encoding)
        guard handle != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(handle) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var input = bytes
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        input.withUnsafeMutableBufferPointer { inputBuffer in
            guard let inputBase = inputBuffer.baseAddress else { return }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBase).assumingMemoryBound(to: CChar.self)
            var inLeft = inputBuffer.count
            while inLeft > 0 {
                let (result, produced, failure) = buffer.withUnsafeMutableBufferPointer { outputBuffer -> (Int, Int, Int32) in
                    guard let outputBase = outputBuffer.baseAddress else { return (0, 0, EINVAL) }
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBase).assumingMemoryBound(to: CChar.self)
                    var outLeft = chunk
                    let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (result, chunk - outLeft, errno)
                }
                output.append(contentsOf: buffer[0..<produced])
                guard result == -1 else { continue }
                switch failure {
                case E2BIG:
                    continue
                default:  // EILSEQ, EINVAL: a byte that starts no character here, or a truncated sequence at the end
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
