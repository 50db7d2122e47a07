#include "tests/core/parity_fixture.h"

#include "core/model/state_dict.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace mnad::test {

std::filesystem::path parityFixtureDir()
{
    if (const char* fixtures = std::getenv("MNAD_FIXTURES"))
        return std::filesystem::path(fixtures) / "parity";
    return std::filesystem::path(MNAD_SOURCE_DIR) / ".." / "shared" / "fixtures" / "parity";
}

namespace {
c10::impl::GenericDict loadDict(const std::string& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open parity fixture " + file);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return torch::pickle_load(bytes).toGenericDict();
}
} // namespace

ParityFixture::ParityFixture(const std::filesystem::path& file) : m_file(file.string()), m_dict(loadDict(m_file))
{
}

bool ParityFixture::has(const std::string& key) const
{
    return m_dict.contains(c10::IValue(key));
}

c10::IValue ParityFixture::at(const std::string& key) const
{
    if (!has(key))
        throw std::runtime_error(m_file + " has no entry '" + key + "'");
    return m_dict.at(c10::IValue(key));
}

torch::Tensor ParityFixture::tensor(const std::string& key) const
{
    return at(key).toTensor();
}

double ParityFixture::scalar(const std::string& key) const
{
    auto value = at(key);
    if (value.isTensor())
        return value.toTensor().item<double>();
    return value.toDouble();
}

std::string ParityFixture::text(const std::string& key) const
{
    return at(key).toStringRef();
}

std::vector<std::string> ParityFixture::textList(const std::string& key) const
{
    std::vector<std::string> out;
    for (const auto& item : at(key).toListRef())
        out.push_back(item.toStringRef());
    return out;
}

std::vector<std::string> ParityFixture::keysWithPrefix(const std::string& prefix) const
{
    std::vector<std::string> out;
    for (const auto& entry : m_dict) {
        if (entry.key().isString() && entry.key().toStringRef().rfind(prefix, 0) == 0)
            out.push_back(entry.key().toStringRef());
    }
    return out;
}

uint32_t fnv1a32(const std::string& text)
{
    uint32_t hash = 0x811C9DC5u;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 0x01000193u;
    }
    return hash;
}

namespace {
bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

torch::Tensor parityValues(const std::string& name, const torch::Tensor& like)
{
    if (endsWith(name, "num_batches_tracked"))
        return torch::zeros_like(like);
    const double phase = (fnv1a32(name) % 10000) / 10000.0 * 2 * M_PI;
    const int64_t n = like.numel();
    auto b = torch::empty({n}, torch::kDouble);
    auto* data = b.data_ptr<double>();
    for (int64_t i = 0; i < n; ++i)
        data[i] = std::sin(0.7 * static_cast<double>(i) + phase);
    torch::Tensor v;
    if (endsWith(name, "running_var"))
        v = 1 + 0.25 * (b + 1);
    else if (endsWith(name, "running_mean"))
        v = 0.1 * b;
    else if (like.dim() >= 2)
        v = b / std::sqrt(static_cast<double>(n) / static_cast<double>(like.size(0)));
    else if (endsWith(name, "weight"))
        v = 1 + 0.1 * b;
    else
        v = 0.05 * b;
    return v.to(torch::kFloat).reshape(like.sizes());
}
} // namespace

void fillParityWeights(torch::nn::Module& module)
{
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : stateDict(module))
        tensor.copy_(parityValues(name, tensor));
}

double relativeError(const torch::Tensor& actual, const torch::Tensor& expected)
{
    auto a = actual.detach().to(torch::kDouble).reshape({-1});
    auto e = expected.detach().to(torch::kDouble).reshape({-1});
    if (a.numel() != e.numel())
        return INFINITY;
    const double norm = e.norm().item<double>();
    const double diff = (a - e).norm().item<double>();
    return norm == 0 ? diff : diff / norm;
}

} // namespace mnad::test
