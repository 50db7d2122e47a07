#pragma once
// A uniquely named temporary directory for a test's fixture files, removed with everything in it at scope exit.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <system_error>

namespace mnad::test {

class TempDir {
public:
    explicit TempDir(const std::string& prefix = "mnad_test")
    {
        // Random + clock, retried: parallel ctest processes must never share a directory.
        std::random_device device;
        std::mt19937_64 rng(device() ^ static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
        for (int attempt = 0; attempt < 100; ++attempt) {
            path_ = std::filesystem::temp_directory_path() / (prefix + "_" + std::to_string(rng()));
            if (std::filesystem::create_directory(path_))
                return;
        }
        throw std::runtime_error("cannot create a temporary directory");
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::filesystem::path& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Writes bytes to a file exactly (binary), creating or replacing it.
inline void writeFile(const std::filesystem::path& file, const std::string& bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw std::runtime_error("cannot write " + file.string());
}

} // namespace mnad::test
