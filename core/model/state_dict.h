#pragma once
// State dicts by name, as PyTorch's module.state_dict() lays them out: for each module in registration order,
// its own parameters and then its own buffers. LibTorch has no load_state_dict; this is it, with strict checks.

#include <torch/nn/module.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mnad {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

// Every parameter and buffer of `module` under its dotted name, in PyTorch's state-dict order.
NamedTensors stateDict(const torch::nn::Module& module);

// Copies `source` into the module. Every key must be present, none unexpected, every shape equal; otherwise
// std::runtime_error lists each problem by key, prefixed with `origin` (the file it came from). Nothing is
// changed when anything is wrong.
void loadStateDict(torch::nn::Module& module, const std::map<std::string, torch::Tensor>& source,
                   const std::string& origin);

} // namespace mnad
