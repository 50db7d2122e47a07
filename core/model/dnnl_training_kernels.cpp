// oneDNN training convolutions (see training_kernels.h); built only with MNAD_WITH_DNNL.

#include "core/model/training_kernels.h"

#include "core/model/subpixel_upsample.h"

#include <dnnl.hpp>
#include <torch/torch.h>

#include <map>
#include <memory>
#include <mutex>
#include <tuple>

namespace mnad {

namespace {
using Tag = dnnl::memory::format_tag;
using torch::autograd::AutogradContext;
using torch::autograd::variable_list;
constexpr auto kF32 = dnnl::memory::data_type::f32;

// Winograd's tiles pay from 16×16 maps; on 8×8 maps it is no faster than direct (measured at batch 4, 256 to 1024
// channels), and a layer with fewer than 8 input or output channels (the generator's last) is faster direct.
constexpr int64_t kMinWinogradPixels = 16 * 16;
constexpr int64_t kMinWinogradChannels = 8;

dnnl::engine& cpuEngine()
{
    static dnnl::engine engine(dnnl::engine::kind::cpu, 0);
    return engine;
}

// The two layers the kernels run: a same-size 3×3 convolution (stride 1, padding 1), and the decoder's 3×3
// transposed convolution (stride 2, padding 1, output padding 1: twice the size).
enum class Layer { Conv, Upsample };

struct LayerShape {
    Layer layer;
    int64_t n, in, out, h, w; // h, w: the input's
    bool winograd;
    bool operator<(const LayerShape& o) const
    {
        return std::tie(layer, n, in, out, h, w, winograd) < std::tie(o.layer, o.n, o.in, o.out, o.h, o.w, o.winograd);
    }
    int64_t outH() const { return layer == Layer::Upsample ? 2 * h : h; }
    int64_t outW() const { return layer == Layer::Upsample ? 2 * w : w; }
};

// A layer's three primitives and the layouts oneDNN chose for their arguments; tensors are reordered to and from
// those around them.
struct Primitives {
    dnnl::primitive forward, data, weights;
    dnnl::memory::desc forwardSrc, forwardWeights, forwardDst;
    dnnl::memory::desc dataDiffDst, dataWeights, dataDiffSrc;
    dnnl::memory::desc weightsSrc, weightsDiffDst, weightsDiffWeights;
};

template <typename Forward, typename Data, typename Weights>
std::unique_ptr<Primitives> primitivesOf(const typename Forward::primitive_desc& forward,
                                         const typename Data::primitive_desc& data,
                                         const typename Weights::primitive_desc& weights)
{
    auto p = std::make_unique<Primitives>();
    p->forward = Forward(forward);
    p->data = Data(data);
    p->weights = Weights(weights);
    p->forwardSrc = forward.src_desc();
    p->forwardWeights = forward.weights_desc();
    p->forwardDst = forward.dst_desc();
    p->dataDiffDst = data.diff_dst_desc();
    p->dataWeights = data.weights_desc();
    p->dataDiffSrc = data.diff_src_desc();
    p->weightsSrc = weights.src_desc();
    p->weightsDiffDst = weights.diff_dst_desc();
    p->weightsDiffWeights = weights.diff_weights_desc();
    return p;
}

std::unique_ptr<Primitives> createPrimitives(const LayerShape& s, bool winograd)
{
    auto& engine = cpuEngine();
    // Direct kernels run fastest on channels-last activations as they are; Winograd wants its blocked layout.
    const Tag activations = winograd ? Tag::any : Tag::nhwc;
    const dnnl::memory::desc src({s.n, s.in, s.h, s.w}, kF32, activations),
        weights({s.out, s.in, 3, 3}, kF32, Tag::any), bias({s.out}, kF32, Tag::x),
        dst({s.n, s.out, s.outH(), s.outW()}, kF32, activations);
    if (s.layer == Layer::Upsample) {
        using Forward = dnnl::deconvolution_forward;
        using Data = dnnl::deconvolution_backward_data;
        using Weights = dnnl::deconvolution_backward_weights;
        const auto algorithm = dnnl::algorithm::deconvolution_direct;
        // Output padding 1 is one row and column more on the far side: padding 1 before, 0 after.
        const dnnl::memory::dims stride{2, 2}, before{1, 1}, after{0, 0};
        const typename Forward::primitive_desc forward(
            {dnnl::prop_kind::forward_training, algorithm, src, weights, bias, dst, stride, before, after}, engine);
        return primitivesOf<Forward, Data, Weights>(
            forward, {{algorithm, src, weights, dst, stride, before, after}, engine, forward},
            {{algorithm, src, weights, bias, dst, stride, before, after}, engine, forward});
    }
    using Forward = dnnl::convolution_forward;
    using Data = dnnl::convolution_backward_data;
    using Weights = dnnl::convolution_backward_weights;
    const auto algorithm = winograd ? dnnl::algorithm::convolution_winograd : dnnl::algorithm::convolution_direct;
    const dnnl::memory::dims stride{1, 1}, padding{1, 1};
    const typename Forward::primitive_desc forward(
        {dnnl::prop_kind::forward_training, algorithm, src, weights, bias, dst, stride, padding, padding}, engine);
    return primitivesOf<Forward, Data, Weights>(
        forward, {{algorithm, src, weights, dst, stride, padding, padding}, engine, forward},
        {{algorithm, src, weights, bias, dst, stride, padding, padding}, engine, forward});
}

// The primitives for a shape, made once (until releaseTrainingKernels). Winograd exists only for some CPUs and
// shapes: then direct. Shared pointers, so that a release while a step runs frees them only after that step.
std::mutex cacheMutex;
std::map<LayerShape, std::shared_ptr<const Primitives>> primitiveCache;

std::shared_ptr<const Primitives> primitivesFor(const LayerShape& shape)
{
    std::lock_guard<std::mutex> lock(cacheMutex);
    auto& entry = primitiveCache[shape];
    if (!entry && shape.winograd) {
        try {
            entry = createPrimitives(shape, true);
        } catch (const dnnl::error&) {
        }
    }
    if (!entry)
        entry = createPrimitives(shape, false);
    return entry;
}

LayerShape shapeOf(Layer layer, const torch::Tensor& x, const torch::Tensor& weight, CpuKernels kernels)
{
    const int64_t out = layer == Layer::Upsample ? weight.size(1) : weight.size(0);
    LayerShape s{layer, x.size(0), x.size(1), out, x.size(2), x.size(3), false};
    s.winograd = layer == Layer::Conv && kernels == CpuKernels::Winograd && s.h * s.w >= kMinWinogradPixels &&
                 s.in >= kMinWinogradChannels && s.out >= kMinWinogradChannels;
    return s;
}

dnnl::memory::dims dimsOf(const torch::Tensor& t)
{
    return {t.sizes().begin(), t.sizes().end()};
}

dnnl::memory::dims stridesOf(const torch::Tensor& t)
{
    return {t.strides().begin(), t.strides().end()};
}

// A tensor's storage as oneDNN memory, whatever its strides (a reorder copes with any).
dnnl::memory activationMemory(const torch::Tensor& t)
{
    return dnnl::memory({dimsOf(t), kF32, stridesOf(t)}, cpuEngine(), t.data_ptr());
}

// A weight as oneDNN's out × in × 3 × 3: a transposed convolution's weight is in × out × 3 × 3.
dnnl::memory weightMemory(Layer layer, const torch::Tensor& t)
{
    auto dims = dimsOf(t), strides = stridesOf(t);
    if (layer == Layer::Upsample) {
        std::swap(dims[0], dims[1]);
        std::swap(strides[0], strides[1]);
    }
    return dnnl::memory({dims, kF32, strides}, cpuEngine(), t.data_ptr());
}

// `memory` in `layout`: itself when it already is, else a reordered copy whose storage `holder` keeps.
dnnl::memory inLayout(dnnl::memory memory, const dnnl::memory::desc& layout, dnnl::stream& stream,
                      torch::Tensor& holder)
{
    if (memory.get_desc() == layout)
        return memory;
    holder = torch::empty({static_cast<int64_t>(layout.get_size())}, torch::kUInt8);
    dnnl::memory copy(layout, cpuEngine(), holder.data_ptr());
    dnnl::reorder(memory, copy).execute(stream, memory, copy);
    return copy;
}

// Runs `run` with a destination in `layout` and leaves the result in `target` (reordered when the layouts differ).
template <typename Run>
void intoMemory(dnnl::memory target, const dnnl::memory::desc& layout, dnnl::stream& stream, Run&& run)
{
    if (target.get_desc() == layout) {
        run(target);
        return;
    }
    auto holder = torch::empty({static_cast<int64_t>(layout.get_size())}, torch::kUInt8);
    dnnl::memory staged(layout, cpuEngine(), holder.data_ptr());
    run(staged);
    dnnl::reorder(staged, target).execute(stream, staged, target);
}

bool isDense(const torch::Tensor& t)
{
    return t.is_non_overlapping_and_dense();
}

class DnnlLayer : public torch::autograd::Function<DnnlLayer> {
public:
    static variable_list forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& weight,
                                 const torch::Tensor& bias, int64_t layerCode, int64_t kernels)
    {
        const auto layer = static_cast<Layer>(layerCode);
        const auto w = isDense(weight) ? weight : weight.contiguous();
        const auto b = bias.contiguous();
        const auto shape = shapeOf(layer, x, w, static_cast<CpuKernels>(kernels));
        const auto primitives = primitivesFor(shape);
        const auto& p = *primitives;
        dnnl::stream stream(cpuEngine());
        torch::Tensor srcHolder, weightsHolder;
        const auto src = inLayout(activationMemory(x), p.forwardSrc, stream, srcHolder);
        const auto weights = inLayout(weightMemory(layer, w), p.forwardWeights, stream, weightsHolder);
        const dnnl::memory biasMemory({{shape.out}, kF32, Tag::x}, cpuEngine(), b.data_ptr());
        auto output = torch::empty({shape.n, shape.out, shape.outH(), shape.outW()},
                                   x.options().memory_format(torch::MemoryFormat::ChannelsLast));
        intoMemory(activationMemory(output), p.forwardDst, stream, [&](const dnnl::memory& dst) {
            p.forward.execute(stream, {{DNNL_ARG_SRC, src},
                                       {DNNL_ARG_WEIGHTS, weights},
                                       {DNNL_ARG_BIAS, biasMemory},
                                       {DNNL_ARG_DST, dst}});
        });
        stream.wait();
        ctx->save_for_backward({x, w});
        ctx->saved_data["layer"] = layerCode;
        ctx->saved_data["kernels"] = kernels;
        return {output};
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs)
    {
        const auto saved = ctx->get_saved_variables();
        const auto& x = saved[0];
        const auto& w = saved[1];
        const auto layer = static_cast<Layer>(ctx->saved_data["layer"].toInt());
        const auto shape = shapeOf(layer, x, w, static_cast<CpuKernels>(ctx->saved_data["kernels"].toInt()));
        const auto primitives = primitivesFor(shape);
        const auto& p = *primitives;
        const auto& gradOutput = gradOutputs[0];
        dnnl::stream stream(cpuEngine());
        torch::Tensor diffDstHolder, weightsHolder, srcHolder, diffDstHolder2;
        auto diffDst = activationMemory(gradOutput);
        torch::Tensor gradInput, gradWeight, gradBias;
        if (ctx->needs_input_grad(0)) {
            diffDst = inLayout(diffDst, p.dataDiffDst, stream, diffDstHolder);
            const auto weights = inLayout(weightMemory(layer, w), p.dataWeights, stream, weightsHolder);
            gradInput = torch::empty_like(x, torch::MemoryFormat::ChannelsLast);
            intoMemory(activationMemory(gradInput), p.dataDiffSrc, stream, [&](const dnnl::memory& diffSrc) {
                p.data.execute(stream, {{DNNL_ARG_DIFF_DST, diffDst},
                                        {DNNL_ARG_WEIGHTS, weights},
                                        {DNNL_ARG_DIFF_SRC, diffSrc}});
            });
        }
        if (ctx->needs_input_grad(1) || ctx->needs_input_grad(2)) {
            const auto src = inLayout(activationMemory(x), p.weightsSrc, stream, srcHolder);
            diffDst = inLayout(diffDst, p.weightsDiffDst, stream, diffDstHolder2);
            gradWeight = torch::empty_like(w); // the weight's own layout, as Adam's moments have it
            gradBias = torch::empty({shape.out}, x.options());
            const dnnl::memory diffBias({{shape.out}, kF32, Tag::x}, cpuEngine(), gradBias.data_ptr());
            intoMemory(weightMemory(layer, gradWeight), p.weightsDiffWeights, stream,
                       [&](const dnnl::memory& diffWeights) {
                           p.weights.execute(stream, {{DNNL_ARG_SRC, src},
                                                      {DNNL_ARG_DIFF_DST, diffDst},
                                                      {DNNL_ARG_DIFF_WEIGHTS, diffWeights},
                                                      {DNNL_ARG_DIFF_BIAS, diffBias}});
                       });
        }
        stream.wait();
        return {gradInput, gradWeight, gradBias, torch::Tensor(), torch::Tensor()};
    }
};

bool suitsTheKernels(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                     CpuKernels kernels)
{
    return kernels != CpuKernels::LibTorch && x.device().is_cpu() && x.dim() == 4 &&
           x.scalar_type() == torch::kFloat && weight.scalar_type() == torch::kFloat && bias.defined() &&
           bias.scalar_type() == torch::kFloat;
}

// A slice (the first layer's frames out of a clip) is copied; any dense layout is taken as it is.
torch::Tensor denseInput(const torch::Tensor& x)
{
    return isDense(x) ? x : x.contiguous(torch::MemoryFormat::ChannelsLast);
}
} // namespace

bool haveTrainingKernels()
{
    return true;
}

void releaseTrainingKernels()
{
    std::lock_guard<std::mutex> lock(cacheMutex);
    primitiveCache.clear();
}

torch::Tensor trainingConv3x3(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                              CpuKernels kernels)
{
    if (!suitsTheKernels(x, weight, bias, kernels))
        return torch::conv2d(x, weight, bias, 1, 1);
    return DnnlLayer::apply(denseInput(x), weight, bias, static_cast<int64_t>(Layer::Conv),
                            static_cast<int64_t>(kernels))[0];
}

torch::Tensor trainingUpsample3x3(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                                  CpuKernels kernels)
{
    if (!suitsTheKernels(x, weight, bias, kernels))
        return subpixelTransposedConv(x, weight, bias);
    return DnnlLayer::apply(denseInput(x), weight, bias, static_cast<int64_t>(Layer::Upsample),
                            static_cast<int64_t>(kernels))[0];
}

} // namespace mnad
