#include "core/model/state_dict.h"

#include <torch/torch.h>

#include <sstream>
#include <stdexcept>

namespace mnad {

NamedTensors stateDict(const torch::nn::Module& module)
{
    NamedTensors out;
    for (const auto& child : module.named_modules("", /*include_self=*/true)) {
        const std::string prefix = child.key().empty() ? "" : child.key() + ".";
        for (const auto& p : child.value()->named_parameters(/*recurse=*/false))
            out.emplace_back(prefix + p.key(), p.value());
        for (const auto& b : child.value()->named_buffers(/*recurse=*/false))
            out.emplace_back(prefix + b.key(), b.value());
    }
    return out;
}

void loadStateDict(torch::nn::Module& module, const std::map<std::string, torch::Tensor>& source,
                   const std::string& origin)
{
    auto target = stateDict(module);
    std::vector<std::string> problems;
    std::map<std::string, bool> known;
    for (const auto& [name, tensor] : target) {
        known[name] = true;
        auto it = source.find(name);
        if (it == source.end()) {
            problems.push_back("missing key '" + name + "'");
        } else if (it->second.sizes() != tensor.sizes()) {
            problems.push_back(c10::str("key '", name, "' has shape ", it->second.sizes(), ", the model expects ",
                                        tensor.sizes()));
        }
    }
    for (const auto& [name, tensor] : source) {
        if (!known.count(name))
            problems.push_back("unexpected key '" + name + "'");
    }
    if (!problems.empty()) {
        std::ostringstream message;
        message << origin << ": does not fit this model (" << problems.size() << " problem"
                << (problems.size() > 1 ? "s" : "") << ")";
        for (const auto& p : problems)
            message << "\n  " << p;
        throw std::runtime_error(message.str());
    }
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : target)
        tensor.copy_(source.at(name));
}

} // namespace mnad
