#pragma once
// The error for bad input data: a frame, video, label file, config or checkpoint that cannot be used.
// The message always names the file and says what is wrong with it.

#include <filesystem>
#include <stdexcept>
#include <string>

namespace mnad {

class DataError : public std::runtime_error {
public:
    DataError(const std::filesystem::path& file, const std::string& problem)
        : std::runtime_error(file.string() + ": " + problem), file_(file.string())
    {
    }
    const std::string& file() const { return file_; }

private:
    std::string file_;
};

} // namespace mnad
