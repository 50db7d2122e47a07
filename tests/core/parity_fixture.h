#pragma once
// Access to the official code's parity fixtures (../shared/spec/parity.md) and the formula that fills weights.

#include <torch/torch.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mnad::test {

// $MNAD_FIXTURES/parity when set, else ../shared/fixtures/parity beside the checkout.
std::filesystem::path parityFixtureDir();

class ParityFixture {
public:
    explicit ParityFixture(const std::filesystem::path& file);

    bool has(const std::string& key) const;
    torch::Tensor tensor(const std::string& key) const;
    double scalar(const std::string& key) const;
    std::string text(const std::string& key) const;
    std::vector<std::string> textList(const std::string& key) const;
    std::vector<std::string> keysWithPrefix(const std::string& prefix) const;

private:
    c10::IValue at(const std::string& key) const;
    std::string m_file;
    c10::impl::GenericDict m_dict;
};

// FNV-1a 32-bit hash of the UTF-8 bytes of `text`.
uint32_t fnv1a32(const std::string& text);

// Fills every parameter and buffer of `module` by the parity formula, keyed by its state-dict name.
void fillParityWeights(torch::nn::Module& module);

// ‖actual − expected‖ / ‖expected‖, in double.
double relativeError(const torch::Tensor& actual, const torch::Tensor& expected);

} // namespace mnad::test
