#include "core/train/fused_adam.h"

#include <ATen/Parallel.h>
#include <c10/util/StringUtil.h>
#include <torch/optim/adam.h>
#include <torch/types.h>
#include <torch/utils.h>

#include <cmath>
#include <memory>
#include <string>
#include <type_traits>

namespace mnad {

namespace {
namespace optim = torch::optim;

// The optimizer's state map is keyed by the parameter's TensorImpl: as a string in LibTorch 1.x, as the pointer
// itself in later versions.
template <typename Key>
Key stateKey(const torch::Tensor& parameter)
{
    if constexpr (std::is_same_v<Key, std::string>)
        return c10::guts::to_string(parameter.unsafeGetTensorImpl());
    else
        return parameter.unsafeGetTensorImpl();
}

// The update runs over raw memory, so a parameter, its gradient and its moments must lie out the same way
// (contiguous or channels-last alike).
bool sameLayout(const torch::Tensor& t, const torch::Tensor& p)
{
    return t.scalar_type() == torch::kFloat && t.sizes() == p.sizes() && t.strides() == p.strides();
}

template <typename Key>
bool readyForFusedStep(optim::Adam& optimizer)
{
    for (const auto& group : optimizer.param_groups()) {
        const auto& o = static_cast<const optim::AdamOptions&>(group.options());
        if (o.weight_decay() != 0 || o.amsgrad())
            return false;
        for (const auto& p : group.params()) {
            if (!p.grad().defined())
                continue;
            if (!p.device().is_cpu() || p.scalar_type() != torch::kFloat || !p.is_non_overlapping_and_dense() ||
                !sameLayout(p.grad(), p))
                return false;
            const auto state = optimizer.state().find(stateKey<Key>(p));
            if (state != optimizer.state().end()) {
                // Moments read back from a checkpoint are contiguous: lay them out as the parameter is.
                auto& s = static_cast<optim::AdamParamState&>(*state->second);
                if (s.exp_avg().sizes() != p.sizes() || s.exp_avg_sq().sizes() != p.sizes())
                    return false;
                if (!sameLayout(s.exp_avg(), p) || !sameLayout(s.exp_avg_sq(), p)) {
                    s.exp_avg(torch::empty_like(p).copy_(s.exp_avg()));
                    s.exp_avg_sq(torch::empty_like(p).copy_(s.exp_avg_sq()));
                }
            }
        }
    }
    return true;
}

struct Step {
    float beta1, beta2, eps, stepSize;
    double rootBiasCorrection2; // √(1 − β2^t)
};

// m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;  p ← p − stepSize · m / (√v / √(1 − β2^t) + ε)
void update(float* p, const float* g, float* m, float* v, int64_t n, const Step& s)
{
    const float oneMinusBeta1 = 1.0f - s.beta1, oneMinusBeta2 = 1.0f - s.beta2;
    const float rootBc2 = static_cast<float>(s.rootBiasCorrection2);
    at::parallel_for(0, n, 32768, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            const float mi = m[i] * s.beta1 + oneMinusBeta1 * g[i];
            const float vi = v[i] * s.beta2 + oneMinusBeta2 * g[i] * g[i];
            m[i] = mi;
            v[i] = vi;
            p[i] -= s.stepSize * (mi / (std::sqrt(vi) / rootBc2 + s.eps));
        }
    });
}
} // namespace

void adamStep(optim::Adam& optimizer)
{
    using Key = typename std::decay_t<decltype(optimizer.state())>::key_type;
    if (!readyForFusedStep<Key>(optimizer)) {
        optimizer.step();
        return;
    }
    torch::NoGradGuard noGrad;
    for (auto& group : optimizer.param_groups()) {
        const auto& o = static_cast<const optim::AdamOptions&>(group.options());
        for (auto& p : group.params()) {
            if (!p.grad().defined())
                continue;
            auto& slot = optimizer.state()[stateKey<Key>(p)];
            if (!slot) {
                auto fresh = std::make_unique<optim::AdamParamState>();
                fresh->step(0);
                fresh->exp_avg(torch::zeros_like(p));   // preserves p's layout
                fresh->exp_avg_sq(torch::zeros_like(p));
                slot = std::move(fresh);
            }
            auto& state = static_cast<optim::AdamParamState&>(*slot);
            state.step(state.step() + 1);
            const auto [beta1, beta2] = o.betas();
            const double biasCorrection1 = 1 - std::pow(beta1, state.step());
            const double biasCorrection2 = 1 - std::pow(beta2, state.step());
            const Step s{static_cast<float>(beta1), static_cast<float>(beta2), static_cast<float>(o.eps()),
                         static_cast<float>(o.lr() / biasCorrection1), std::sqrt(biasCorrection2)};
            update(p.data_ptr<float>(), p.grad().data_ptr<float>(), state.exp_avg().data_ptr<float>(),
                   state.exp_avg_sq().data_ptr<float>(), p.numel(), s);
        }
    }
}

} // namespace mnad
