#include "core/data/natural_sort.h"

#include <cctype>

namespace mnad {

namespace {
bool isDigit(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
} // namespace

bool naturalLess(const std::string& a, const std::string& b)
{
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            size_t endA = i, endB = j;
            while (endA < a.size() && isDigit(a[endA]))
                ++endA;
            while (endB < b.size() && isDigit(b[endB]))
                ++endB;
            // Compare values without converting (runs can exceed 64 bits): skip leading zeros, then length, then digits.
            size_t za = i, zb = j;
            while (za + 1 < endA && a[za] == '0')
                ++za;
            while (zb + 1 < endB && b[zb] == '0')
                ++zb;
            const size_t lenA = endA - za, lenB = endB - zb;
            if (lenA != lenB)
                return lenA < lenB;
            const int cmp = a.compare(za, lenA, b, zb, lenB);
            if (cmp != 0)
                return cmp < 0;
            if (endA - i != endB - j)
                return endA - i < endB - j; // same value: fewer leading zeros first
            i = endA;
            j = endB;
        } else {
            if (a[i] != b[j])
                return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

} // namespace mnad
