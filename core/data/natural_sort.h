#pragma once
// Natural ordering of file names: "frame2.jpg" before "frame10.jpg", as people number frames.

#include <string>

namespace mnad {

// True when `a` sorts before `b`: digit runs compare by value (then by length, so "01" < "1" is stable),
// everything else byte-wise.
bool naturalLess(const std::string& a, const std::string& b);

} // namespace mnad
