// oneDNN inference kernels (see inference_kernels.h); built only with MNAD_WITH_DNNL.

#include "core/model/inference_kernels.h"

#include <dnnl.hpp>
#include <torch/torch.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace mnad {

namespace {
namespace nn = torch::nn;
using Tag = dnnl::memory::format_tag;
using Dims = dnnl::memory::dims;
constexpr auto kF32 = dnnl::memory::data_type::f32;

// Winograd's transformed weights take 4× the memory, and the small maps are where the wide layers are. Measured at
// 64² (width 64, maps 64² … 8², evaluation after training in one process, `mnad bench pipeline`): Winograd from
// 16×16 58 frames/s and 631–644 MiB, from 32×32 50–55 frames/s and 573–577 MiB (the official evaluation's
// 0.6 GiB is the limit we keep to); at 256² every map is at least 32×32.
constexpr int64_t kMinWinogradPixels = 32 * 32;

enum class Activation { None, Relu, Tanh };

// One 3×3 convolution with the BatchNorm after it folded in and the activation after that fused. The folded weight
// is computed when a primitive needs it in a new layout, not kept: the reordered copies are what stays in memory.
struct FusedConv {
    const nn::Conv2dImpl* conv = nullptr;
    const nn::BatchNorm2dImpl* norm = nullptr; // may be null
    torch::Tensor bias;                        // OC, BatchNorm folded in
    Activation activation = Activation::None;

    int64_t outChannels() const { return conv->weight.size(0); }
    int64_t inChannels() const { return conv->weight.size(1); }
    torch::Tensor scale() const // the BatchNorm's per-channel factor γ / √(var + ε)
    {
        return (norm->weight / torch::sqrt(norm->running_var + norm->options.eps())).detach().to(torch::kFloat);
    }
    torch::Tensor weight() const // OC×IC×3×3 (oihw)
    {
        const auto w = conv->weight.detach().to(torch::kFloat);
        return (norm ? w * scale().view({-1, 1, 1, 1}) : w).contiguous();
    }
};

// A block as fused convolutions; empty when the block holds a module the kernels do not handle.
using Plan = std::vector<FusedConv>;

// A primitive ready for one fused convolution at one input shape, with its weights in the layout it wants.
struct Prepared {
    dnnl::convolution_forward::primitive_desc pd;
    dnnl::convolution_forward conv;
    dnnl::memory weights, bias;
};

bool isSameSize3x3(const nn::Conv2dImpl& conv)
{
    const auto& w = conv.weight;
    const auto& o = conv.options;
    return w.dim() == 4 && w.size(2) == 3 && w.size(3) == 3 && o.groups() == 1 && (*o.stride())[0] == 1 &&
           (*o.stride())[1] == 1 && (*o.dilation())[0] == 1 && (*o.dilation())[1] == 1;
}

Plan planOf(nn::Sequential& block)
{
    Plan plan;
    for (size_t i = 0; i < block->size(); ++i) {
        const auto& module = block[i];
        if (const auto* conv = module->as<nn::Conv2dImpl>()) {
            if (!isSameSize3x3(*conv))
                return {};
            const auto bias = conv->bias.defined() ? conv->bias.detach().to(torch::kFloat)
                                                   : torch::zeros({conv->weight.size(0)});
            plan.push_back({conv, nullptr, bias.contiguous(), Activation::None});
        } else if (const auto* bn = module->as<nn::BatchNorm2dImpl>()) {
            if (plan.empty() || plan.back().norm || plan.back().activation != Activation::None)
                return {};
            // y = (conv − mean) · γ / √(var + ε) + β, folded into the convolution's weight and bias.
            auto& c = plan.back();
            c.norm = bn;
            c.bias = ((c.bias - bn->running_mean) * c.scale() + bn->bias).detach().to(torch::kFloat).contiguous();
        } else if (module->as<nn::ReLUImpl>() || module->as<nn::TanhImpl>()) {
            if (plan.empty() || plan.back().activation != Activation::None)
                return {};
            plan.back().activation = module->as<nn::ReLUImpl>() ? Activation::Relu : Activation::Tanh;
        } else {
            return {};
        }
    }
    return plan;
}

class DnnlKernels final : public InferenceKernels {
public:
    explicit DnnlKernels(bool winograd) : winograd_(winograd), engine_(dnnl::engine::kind::cpu, 0), stream_(engine_) {}

    torch::Tensor runBlock(nn::Sequential& block, const torch::Tensor& x) override;
    std::string name() const override { return usedWinograd_ ? "oneDNN (Winograd)" : "oneDNN"; }

private:
    Prepared& prepared(const FusedConv& conv, int64_t n, int64_t h, int64_t w);
    dnnl::convolution_forward::primitive_desc primitiveFor(const FusedConv& conv, int64_t n, int64_t h, int64_t w);
    dnnl::memory weightsFor(const FusedConv& conv, const dnnl::memory::desc& layout);
    // One of two buffers that a block's intermediate activations alternate between, grown as needed.
    void* scratch(int which, size_t bytes);

    bool winograd_;
    bool usedWinograd_ = false;
    dnnl::engine engine_;
    dnnl::stream stream_;
    std::map<const void*, Plan> plans_; // by block; weights are read once, when a block is first run
    std::map<std::tuple<const FusedConv*, int64_t, int64_t, int64_t>, Prepared> prepared_;
    // Reordered weights, shared by the shapes that want the same layout (Winograd weights are 4× the size).
    std::map<const FusedConv*, std::vector<dnnl::memory>> weights_;
    torch::Tensor scratch_[2];
};

dnnl::convolution_forward::primitive_desc DnnlKernels::primitiveFor(const FusedConv& conv, int64_t n, int64_t h,
                                                                    int64_t w)
{
    const int64_t out = conv.outChannels(), in = conv.inChannels();
    const dnnl::memory::desc src({n, in, h, w}, kF32, Tag::any), weights({out, in, 3, 3}, kF32, Tag::any),
        bias({out}, kF32, Tag::x), dst({n, out, h, w}, kF32, Tag::any);
    dnnl::post_ops ops;
    if (conv.activation != Activation::None)
        ops.append_eltwise(1.f, conv.activation == Activation::Relu ? dnnl::algorithm::eltwise_relu
                                                                    : dnnl::algorithm::eltwise_tanh, 0.f, 0.f);
    dnnl::primitive_attr attr;
    attr.set_post_ops(ops);
    // Winograd only exists for some CPUs and shapes (AVX-512, enough channels): fall back to direct. Small maps
    // are run directly too (see kMinWinogradPixels).
    if (winograd_ && h * w >= kMinWinogradPixels) {
        try {
            const dnnl::convolution_forward::desc desc(dnnl::prop_kind::forward_inference,
                                                       dnnl::algorithm::convolution_winograd, src, weights, bias, dst,
                                                       {1, 1}, {1, 1}, {1, 1});
            return dnnl::convolution_forward::primitive_desc(desc, attr, engine_);
        } catch (const dnnl::error&) {
        }
    }
    const dnnl::convolution_forward::desc desc(dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct,
                                               src, weights, bias, dst, {1, 1}, {1, 1}, {1, 1});
    return dnnl::convolution_forward::primitive_desc(desc, attr, engine_);
}

dnnl::memory DnnlKernels::weightsFor(const FusedConv& conv, const dnnl::memory::desc& layout)
{
    auto& reordered = weights_[&conv];
    for (const auto& memory : reordered)
        if (memory.get_desc() == layout)
            return memory;
    const int64_t out = conv.outChannels(), in = conv.inChannels();
    const auto folded = conv.weight();
    dnnl::memory user({{out, in, 3, 3}, kF32, Tag::oihw}, engine_, folded.data_ptr());
    dnnl::memory memory(layout, engine_);
    dnnl::reorder(user, memory).execute(stream_, user, memory);
    reordered.push_back(memory);
    return memory;
}

Prepared& DnnlKernels::prepared(const FusedConv& conv, int64_t n, int64_t h, int64_t w)
{
    const auto key = std::make_tuple(&conv, n, h, w);
    if (auto found = prepared_.find(key); found != prepared_.end())
        return found->second;
    Prepared p;
    p.pd = primitiveFor(conv, n, h, w);
    p.conv = dnnl::convolution_forward(p.pd);
    usedWinograd_ = usedWinograd_ || std::string(p.pd.impl_info_str()).find("wino") != std::string::npos;
    p.weights = weightsFor(conv, p.pd.weights_desc());
    p.bias = dnnl::memory({{conv.bias.size(0)}, kF32, Tag::x}, engine_, conv.bias.data_ptr());
    return prepared_.emplace(key, std::move(p)).first->second;
}

void* DnnlKernels::scratch(int which, size_t bytes)
{
    auto& buffer = scratch_[which];
    if (!buffer.defined() || static_cast<size_t>(buffer.numel()) < bytes)
        buffer = torch::empty({static_cast<int64_t>(bytes)}, torch::kUInt8);
    return buffer.data_ptr();
}

torch::Tensor DnnlKernels::runBlock(nn::Sequential& block, const torch::Tensor& x)
{
    auto plan = plans_.find(block.get());
    if (plan == plans_.end())
        plan = plans_.emplace(block.get(), planOf(block)).first;
    if (plan->second.empty() || x.scalar_type() != torch::kFloat || x.dim() != 4)
        return block->forward(x);
    const auto input = x.contiguous(torch::MemoryFormat::ChannelsLast);
    const int64_t n = input.size(0), h = input.size(2), w = input.size(3);
    dnnl::memory current({{n, input.size(1), h, w}, kF32, Tag::nhwc}, engine_, input.data_ptr());
    int held = -1; // the scratch buffer that holds `current`, if any
    auto intoScratch = [&](const dnnl::memory::desc& layout) {
        held = held == 0 ? 1 : 0;
        return dnnl::memory(layout, engine_, scratch(held, layout.get_size()));
    };
    torch::Tensor output;
    for (size_t i = 0; i < plan->second.size(); ++i) {
        const FusedConv& conv = plan->second[i];
        Prepared& p = prepared(conv, n, h, w);
        if (current.get_desc() != p.pd.src_desc()) {
            auto reordered = intoScratch(p.pd.src_desc());
            dnnl::reorder(current, reordered).execute(stream_, current, reordered);
            current = reordered;
        }
        const bool last = i + 1 == plan->second.size();
        if (last)
            output = torch::empty({n, conv.outChannels(), h, w},
                                  input.options().memory_format(torch::MemoryFormat::ChannelsLast));
        dnnl::memory result = last ? dnnl::memory({{n, output.size(1), h, w}, kF32, Tag::nhwc}, engine_, output.data_ptr())
                                   : dnnl::memory();
        // A block's intermediate activations stay in oneDNN's layout; the last one goes to the output tensor.
        auto dst = last && p.pd.dst_desc() == result.get_desc() ? result : intoScratch(p.pd.dst_desc());
        p.conv.execute(stream_, {{DNNL_ARG_SRC, current},
                                 {DNNL_ARG_WEIGHTS, p.weights},
                                 {DNNL_ARG_BIAS, p.bias},
                                 {DNNL_ARG_DST, dst}});
        if (last && dst != result)
            dnnl::reorder(dst, result).execute(stream_, dst, result);
        current = dst;
    }
    stream_.wait();
    return output;
}
} // namespace

std::shared_ptr<InferenceKernels> makeCpuInferenceKernels(bool winograd)
{
    return std::make_shared<DnnlKernels>(winograd);
}

std::string describeCpuInferenceKernels()
{
    const dnnl_version_t* v = dnnl::version();
    bool winograd = true;
    try { // a layer of the paper's model: is there a Winograd implementation for this CPU?
        const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
        const dnnl::memory::desc src({1, 64, 32, 32}, kF32, Tag::any), weights({64, 64, 3, 3}, kF32, Tag::any),
            bias({64}, kF32, Tag::x);
        const dnnl::convolution_forward::desc desc(dnnl::prop_kind::forward_inference,
                                                   dnnl::algorithm::convolution_winograd, src, weights, bias, src,
                                                   {1, 1}, {1, 1}, {1, 1});
        dnnl::convolution_forward::primitive_desc(desc, engine);
    } catch (const dnnl::error&) {
        winograd = false;
    }
    return "oneDNN " + std::to_string(v->major) + "." + std::to_string(v->minor) + "." + std::to_string(v->patch) +
           ", Winograd: " + (winograd ? "yes" : "no (needs AVX-512)");
}

} // namespace mnad
