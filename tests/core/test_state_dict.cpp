// Loading state dicts by name: exact copies, and refusals that name the key.

#include "core/model/mnad_model.h"
#include "core/model/state_dict.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace mnad {
namespace {

ModelConfig narrow(Method method)
{
    ModelConfig config = ModelConfig::paper(method);
    config.width = 4;
    config.imageSize = 16;
    return config;
}

std::map<std::string, torch::Tensor> asMap(const NamedTensors& tensors)
{
    std::map<std::string, torch::Tensor> out;
    for (const auto& [name, t] : tensors)
        out[name] = t.clone();
    return out;
}

std::string loadError(torch::nn::Module& module, const std::map<std::string, torch::Tensor>& source)
{
    try {
        loadStateDict(module, source, "weights.pt");
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return {};
}

TEST(StateDict, OfficialKeyOrderAndBuffers)
{
    MnadModel model(narrow(Method::Prediction));
    auto dict = stateDict(*model.network());
    ASSERT_EQ(dict.size(), 135u);
    EXPECT_EQ(dict.front().first, "encoder.moduleConv1.0.weight");
    EXPECT_EQ(dict[6].first, "encoder.moduleConv1.1.num_batches_tracked");
    EXPECT_EQ(dict[51].first, "encoder.moduleBatchNorm.weight");
    EXPECT_EQ(dict.back().first, "decoder.moduleDeconv1.6.bias");
}

TEST(StateDict, RoundTripCopiesEveryParameterAndBuffer)
{
    torch::manual_seed(5);
    MnadModel source(narrow(Method::Prediction));
    {
        torch::NoGradGuard noGrad;
        for (auto& [name, t] : stateDict(*source.network()))
            t.copy_(torch::randint(0, 100, t.sizes(), t.options()));
    }
    MnadModel target(narrow(Method::Prediction));
    loadStateDict(*target.network(), asMap(stateDict(*source.network())), "weights.pt");
    auto a = stateDict(*source.network());
    auto b = stateDict(*target.network());
    for (size_t i = 0; i < a.size(); ++i)
        EXPECT_TRUE(torch::equal(a[i].second, b[i].second)) << a[i].first;
}

TEST(StateDict, RefusesWhatDoesNotFitNamingTheKey)
{
    MnadModel pred(narrow(Method::Prediction));
    auto good = asMap(stateDict(*pred.network()));

    auto missing = good;
    missing.erase("decoder.moduleConv.1.running_var");
    EXPECT_NE(loadError(*pred.network(), missing).find("missing key 'decoder.moduleConv.1.running_var'"),
              std::string::npos);

    auto extra = good;
    extra["memory.items"] = torch::zeros({10, 32});
    EXPECT_NE(loadError(*pred.network(), extra).find("unexpected key 'memory.items'"), std::string::npos);

    MnadModel recon(narrow(Method::Reconstruction));
    const auto message = loadError(*pred.network(), asMap(stateDict(*recon.network())));
    EXPECT_NE(message.find("weights.pt"), std::string::npos);
    EXPECT_NE(message.find("encoder.moduleConv1.0.weight"), std::string::npos) << message; // 3 vs 12 inputs

    ModelConfig wide = narrow(Method::Prediction);
    wide.width = 8;
    MnadModel wider(wide);
    EXPECT_NE(loadError(*pred.network(), asMap(stateDict(*wider.network()))).find("has shape"),
              std::string::npos);
}

TEST(StateDict, NothingChangesWhenRefused)
{
    MnadModel model(narrow(Method::Prediction));
    auto before = asMap(stateDict(*model.network()));
    auto bad = before;
    for (auto& [name, t] : bad)
        t = t + 1;
    bad.erase(bad.begin());
    EXPECT_FALSE(loadError(*model.network(), bad).empty());
    for (const auto& [name, t] : stateDict(*model.network()))
        EXPECT_TRUE(torch::equal(t, before[name])) << name;
}

} // namespace
} // namespace mnad
