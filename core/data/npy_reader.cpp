#include "core/data/npy_reader.h"

#include "core/data/data_error.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <system_error>

namespace mnad {

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr std::size_t kMagicSize = 6;

// What the header says; dataOffset is where the array bytes start in the file.
struct NpyHeader {
    std::string descr;
    char kind = 0; // 'b', 'i', 'u' or 'f'
    int itemSize = 0;
    bool swapBytes = false;
    bool fortranOrder = false;
    std::vector<int64_t> shape;
    int64_t count = 0;
    std::size_t dataOffset = 0;
};

bool hostIsLittleEndian()
{
    const uint16_t one = 1;
    unsigned char first = 0;
    std::memcpy(&first, &one, 1);
    return first == 1;
}

// The header as text for messages: padding dropped, printable ASCII kept, the rest escaped, long headers cut.
std::string printable(std::string text)
{
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n'))
        text.pop_back();
    std::string out;
    for (unsigned char c : text.substr(0, 100)) {
        if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        }
    }
    return text.size() > 100 ? out + "..." : out;
}

// A recursive-descent parser for the one dict literal NumPy writes:
// {'descr': '<i8', 'fortran_order': False, 'shape': (1, 2010), }
class HeaderParser {
public:
    HeaderParser(const std::string& text, const std::string& name) : text_(text), name_(name) {}

    void parse(NpyHeader& header)
    {
        bool seenDescr = false, seenOrder = false, seenShape = false;
        skipSpace();
        expect('{', "the header to start with '{'");
        skipSpace();
        while (!tryConsume('}')) {
            const std::string key = parseString();
            skipSpace();
            expect(':', "':' after a key");
            skipSpace();
            if (key == "descr") {
                markSeen(seenDescr, key);
                if (peek() == '[')
                    fail("structured dtypes (a list descr) are not supported");
                header.descr = parseString();
            } else if (key == "fortran_order") {
                markSeen(seenOrder, key);
                header.fortranOrder = parseBool();
            } else if (key == "shape") {
                markSeen(seenShape, key);
                header.shape = parseShape();
            } else {
                fail("unexpected key '" + printable(key) + "'");
            }
            skipSpace();
            if (!tryConsume(',')) {
                expect('}', "',' or '}' after a value");
                break;
            }
            skipSpace();
        }
        skipSpace();
        if (pos_ != text_.size())
            fail("unexpected text after the closing '}'");
        if (!seenDescr || !seenOrder || !seenShape)
            throw DataError(name_, std::string("malformed header: missing key '") +
                                       (!seenDescr ? "descr" : !seenOrder ? "fortran_order" : "shape") +
                                       "' in " + printable(text_));
    }

private:
    [[noreturn]] void fail(const std::string& what) const
    {
        throw DataError(name_, "malformed header at offset " + std::to_string(pos_) + ": " + what +
                                   " (header: " + printable(text_) + ")");
    }
    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
    void skipSpace()
    {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
                                       text_[pos_] == '\r'))
            ++pos_;
    }
    bool tryConsume(char c)
    {
        if (peek() != c || pos_ >= text_.size())
            return false;
        ++pos_;
        return true;
    }
    void expect(char c, const char* what)
    {
        if (!tryConsume(c))
            fail(std::string("expected ") + what);
    }
    void markSeen(bool& seen, const std::string& key)
    {
        if (seen)
            fail("duplicate key '" + key + "'");
        seen = true;
    }

    // '...' or "...": NumPy's keys and descrs never need escapes, so a backslash is an error.
    std::string parseString()
    {
        const char quote = peek();
        if (quote != '\'' && quote != '"')
            fail("expected a quoted string");
        const std::size_t start = ++pos_;
        while (pos_ < text_.size() && text_[pos_] != quote) {
            if (text_[pos_] == '\\' || text_[pos_] == '\n')
                fail("unsupported character in a string");
            ++pos_;
        }
        if (pos_ >= text_.size())
            fail("unterminated string");
        return text_.substr(start, pos_++ - start);
    }

    bool parseBool()
    {
        if (text_.compare(pos_, 4, "True") == 0) {
            pos_ += 4;
            return true;
        }
        if (text_.compare(pos_, 5, "False") == 0) {
            pos_ += 5;
            return false;
        }
        fail("fortran_order must be True or False");
    }

    // A dimension: decimal digits, with Python 2's optional 'L' suffix (files written by NumPy under Python 2).
    int64_t parseDimension()
    {
        if (peek() == '-')
            fail("negative dimension in shape");
        if (peek() < '0' || peek() > '9')
            fail("expected a dimension (a whole number) in shape");
        int64_t value = 0;
        while (peek() >= '0' && peek() <= '9') {
            const int digit = peek() - '0';
            if (value > (std::numeric_limits<int64_t>::max() - digit) / 10)
                fail("dimension too large for 64 bits");
            value = value * 10 + digit;
            ++pos_;
        }
        tryConsume('L');
        return value;
    }

    // "()", "(5,)", "(1, 2010)", "(2, 3,)"; a bare "(5)" is accepted as (5,).
    std::vector<int64_t> parseShape()
    {
        expect('(', "'(' to start the shape tuple");
        std::vector<int64_t> shape;
        skipSpace();
        while (!tryConsume(')')) {
            if (shape.size() >= 64)
                fail("shape has more than 64 dimensions");
            shape.push_back(parseDimension());
            skipSpace();
            if (!tryConsume(',')) {
                expect(')', "',' or ')' in the shape tuple");
                break;
            }
            skipSpace();
        }
        return shape;
    }

    const std::string& text_;
    const std::string& name_;
    std::size_t pos_ = 0;
};

// Fills kind, itemSize and swapBytes from descr.
void decodeDescr(NpyHeader& h, const std::string& name)
{
    const std::string& d = h.descr;
    const std::string supported = " (supported: b1, i1, i2, i4, i8, u1, u2, u4, u8, f4, f8)";
    if (d.size() >= 2 && d[1] == 'O')
        throw DataError(name, "object arrays (dtype '" + printable(d) + "') are not supported");
    if (d.size() != 3 || std::string("<>|=").find(d[0]) == std::string::npos)
        throw DataError(name, "unsupported dtype '" + printable(d) + "'" + supported);
    const std::string code = d.substr(1);
    static const char* const kCodes[] = {"b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f4", "f8"};
    if (std::find(std::begin(kCodes), std::end(kCodes), code) == std::end(kCodes))
        throw DataError(name, "unsupported dtype '" + printable(d) + "'" + supported);
    h.kind = code[0];
    h.itemSize = code[1] - '0';
    const bool little = hostIsLittleEndian();
    h.swapBytes = h.itemSize > 1 && ((d[0] == '<' && !little) || (d[0] == '>' && little));
}

// Element count of the shape, bounded by maxElements and by what fits in 64 bits of bytes.
void countElements(NpyHeader& h, const std::string& name, int64_t maxElements)
{
    const int64_t limit = std::numeric_limits<int64_t>::max();
    h.count = 1;
    if (std::find(h.shape.begin(), h.shape.end(), 0) != h.shape.end()) {
        h.count = 0;
        return;
    }
    for (int64_t dim : h.shape) {
        if (h.count > limit / dim)
            throw DataError(name, "shape " + npyShapeString(h.shape) + " overflows a 64-bit element count");
        h.count *= dim;
    }
    if (h.count > limit / h.itemSize)
        throw DataError(name, "shape " + npyShapeString(h.shape) + " overflows a 64-bit byte count");
    if (h.count > maxElements)
        throw DataError(name, "shape " + npyShapeString(h.shape) + " has " + std::to_string(h.count) +
                                  " elements, more than the limit of " + std::to_string(maxElements));
}

// Parses the preamble and header dict from the first `size` bytes of a file.
NpyHeader parseHeader(const char* bytes, std::size_t size, const std::string& name, int64_t maxElements)
{
    if (std::memcmp(bytes, kMagic, std::min(size, kMagicSize)) != 0)
        throw DataError(name, "not a .npy file (bad magic: the file does not start with \\x93NUMPY)");
    if (size < kMagicSize + 4)
        throw DataError(name, "truncated: " + std::to_string(size) + " bytes, too short for a .npy preamble");
    const int major = static_cast<unsigned char>(bytes[6]), minor = static_cast<unsigned char>(bytes[7]);
    if (major < 1 || major > 3 || minor != 0)
        throw DataError(name, "unsupported .npy format version " + std::to_string(major) + "." +
                                  std::to_string(minor) + " (supported: 1.0, 2.0, 3.0)");
    // Version 1.0 has a 2-byte little-endian header length, later versions 4 bytes.
    const std::size_t lengthBytes = major == 1 ? 2 : 4;
    const std::size_t prefix = kMagicSize + 2 + lengthBytes;
    if (size < prefix)
        throw DataError(name, "truncated: " + std::to_string(size) + " bytes, too short for a version " +
                                  std::to_string(major) + ".0 preamble");
    uint64_t headerLength = 0;
    for (std::size_t i = 0; i < lengthBytes; ++i)
        headerLength |= uint64_t(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
    if (headerLength > kMaxNpyHeaderBytes)
        throw DataError(name, "header length " + std::to_string(headerLength) + " bytes exceeds the limit of " +
                                  std::to_string(kMaxNpyHeaderBytes));
    if (size - prefix < headerLength)
        throw DataError(name, "truncated header: the preamble says " + std::to_string(headerLength) +
                                  " bytes, the file has " + std::to_string(size - prefix));

    NpyHeader h;
    const std::string text(bytes + prefix, headerLength);
    HeaderParser(text, name).parse(h);
    decodeDescr(h, name);
    countElements(h, name, maxElements);
    h.dataOffset = prefix + headerLength;
    return h;
}

void checkDataSize(const NpyHeader& h, uint64_t available, const std::string& name)
{
    const uint64_t needed = uint64_t(h.count) * uint64_t(h.itemSize);
    if (available == needed)
        return;
    const std::string says = "header says " + std::to_string(h.count) + " elements of " +
                             std::to_string(h.itemSize) + " bytes (" + std::to_string(needed) + " bytes), file has " +
                             std::to_string(available) + " data bytes";
    throw DataError(name, available < needed ? "truncated: " + says : "data size mismatch: " + says);
}

template <typename T>
double loadAs(const unsigned char* p, int itemSize, bool swap)
{
    unsigned char buf[8];
    for (int i = 0; i < itemSize; ++i)
        buf[i] = swap ? p[itemSize - 1 - i] : p[i];
    T value;
    std::memcpy(&value, buf, sizeof(T));
    return static_cast<double>(value);
}

double loadElement(const NpyHeader& h, const unsigned char* p)
{
    const bool s = h.swapBytes;
    switch (h.kind) {
    case 'i':
        switch (h.itemSize) {
        case 1: return loadAs<int8_t>(p, 1, s);
        case 2: return loadAs<int16_t>(p, 2, s);
        case 4: return loadAs<int32_t>(p, 4, s);
        default: return loadAs<int64_t>(p, 8, s);
        }
    case 'u':
        switch (h.itemSize) {
        case 1: return loadAs<uint8_t>(p, 1, s);
        case 2: return loadAs<uint16_t>(p, 2, s);
        case 4: return loadAs<uint32_t>(p, 4, s);
        default: return loadAs<uint64_t>(p, 8, s);
        }
    case 'f': return h.itemSize == 4 ? loadAs<float>(p, 4, s) : loadAs<double>(p, 8, s);
    default: return p[0]; // 'b', checked by the caller
    }
}

// Fortran-ordered data hold the first axis fastest; walk them with an odometer and place each in C order.
std::vector<double> fortranToC(const std::vector<double>& f, const std::vector<int64_t>& shape)
{
    if (f.empty()) // a zero-length axis: the other axes may be huge, and their strides would overflow (fuzzing)
        return {};
    const std::size_t n = shape.size();
    std::vector<int64_t> cStride(n, 1), index(n, 0);
    for (std::size_t k = n - 1; k > 0; --k)
        cStride[k - 1] = cStride[k] * shape[k];
    std::vector<double> c(f.size());
    for (std::size_t i = 0; i < f.size(); ++i) {
        int64_t offset = 0;
        for (std::size_t k = 0; k < n; ++k)
            offset += index[k] * cStride[k];
        c[static_cast<std::size_t>(offset)] = f[i];
        for (std::size_t k = 0; k < n && ++index[k] == shape[k]; ++k)
            index[k] = 0;
    }
    return c;
}

NpyArray decodeData(const NpyHeader& h, const char* data, const std::string& name)
{
    NpyArray array;
    array.shape = h.shape;
    array.dtype = h.descr;
    array.values.resize(static_cast<std::size_t>(h.count));
    const auto* p = reinterpret_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < array.values.size(); ++i, p += h.itemSize) {
        if (h.kind == 'b' && p[0] > 1)
            throw DataError(name, "bool element " + std::to_string(i) + " has byte value " +
                                      std::to_string(p[0]) + " (must be 0 or 1)");
        array.values[i] = loadElement(h, p);
    }
    if (h.fortranOrder && h.shape.size() > 1)
        array.values = fortranToC(array.values, h.shape);
    return array;
}

} // namespace

std::string npyShapeString(const std::vector<int64_t>& shape)
{
    std::string out = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        out += (i ? ", " : "") + std::to_string(shape[i]);
    return out + (shape.size() == 1 ? ",)" : ")");
}

NpyArray parseNpy(const std::string& bytes, const std::string& nameForErrors, int64_t maxElements)
{
    const NpyHeader h = parseHeader(bytes.data(), bytes.size(), nameForErrors, maxElements);
    checkDataSize(h, bytes.size() - h.dataOffset, nameForErrors);
    return decodeData(h, bytes.data() + h.dataOffset, nameForErrors);
}

NpyArray readNpy(const std::filesystem::path& file, int64_t maxElements)
{
    const std::string name = file.string();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        throw DataError(file, "file does not exist");
    if (!std::filesystem::is_regular_file(file, ec))
        throw DataError(file, "not a regular file");
    const uint64_t fileSize = std::filesystem::file_size(file, ec);
    std::ifstream in(file, std::ios::binary);
    if (ec || !in)
        throw DataError(file, "cannot open for reading");

    // The header fits in the first 12 + kMaxNpyHeaderBytes bytes; the data are read once their size is known.
    std::string head(static_cast<std::size_t>(std::min<uint64_t>(fileSize, 12 + kMaxNpyHeaderBytes)), '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    if (in.gcount() != static_cast<std::streamsize>(head.size()))
        throw DataError(file, "read error in the header");
    const NpyHeader h = parseHeader(head.data(), head.size(), name, maxElements);
    checkDataSize(h, fileSize - h.dataOffset, name);

    std::string data(static_cast<std::size_t>(h.count * h.itemSize), '\0');
    in.seekg(static_cast<std::streamoff>(h.dataOffset));
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (in.gcount() != static_cast<std::streamsize>(data.size()))
        throw DataError(file, "truncated: could read only " + std::to_string(in.gcount()) + " of " +
                                  std::to_string(data.size()) + " data bytes");
    return decodeData(h, data.data(), name);
}

} // namespace mnad
