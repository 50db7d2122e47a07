#include "core/run/atomic_file.h"

#include "core/data/data_error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace mnad {

namespace {
[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what, int error)
{
    throw std::runtime_error(file.string() + ": " + what + ": " + std::strerror(error));
}
} // namespace

void writeFileAtomically(const std::filesystem::path& file, const std::string& bytes)
{
    const auto temporary = file.parent_path() / ("." + file.filename().string() + ".tmp-" + std::to_string(getpid()));
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        fail(file, "cannot write", errno);
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            ::close(fd);
            ::unlink(temporary.c_str());
            fail(file, "cannot write", error);
        }
        written += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(file, "cannot flush to disk", error);
    }
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(file, "cannot replace", error);
    }
    const int dir = ::open(file.parent_path().empty() ? "." : file.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

std::string readWholeFile(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw DataError(file, "cannot open for reading");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace mnad
