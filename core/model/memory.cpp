#include "core/model/memory.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <stdexcept>

namespace mnad {
namespace F = torch::nn::functional;

Memory::Memory(int size, int dim, UpdateNormalization normalization)
    : size_(size), dim_(dim), normalization_(normalization)
{
    if (size < 2 || dim < 1)
        throw std::invalid_argument("memory needs at least 2 items of dimension at least 1");
    reset(0);
}

void Memory::setItems(const torch::Tensor& items)
{
    if (!items.defined() || items.dim() != 2 || items.size(0) != size_ || items.size(1) != dim_ ||
        !items.is_floating_point()) {
        const std::string got =
            items.defined() ? c10::str(items.sizes(), " ", items.dtype().name()) : std::string("nothing");
        throw std::invalid_argument("memory items must be a " + std::to_string(size_) + "x" + std::to_string(dim_) +
                                    " floating-point tensor, got " + got);
    }
    const auto device = items_.defined() ? items_.device() : items.device();
    items_ = items.detach().to(device, torch::kFloat).clone();
}

void Memory::reset(uint64_t seed)
{
    auto generator = at::detail::createCPUGenerator(seed);
    auto rows = torch::rand({size_, dim_}, generator, torch::kFloat);
    const auto device = items_.defined() ? items_.device() : torch::Device(torch::kCPU);
    items_ = F::normalize(rows, F::NormalizeFuncOptions().dim(1)).to(device);
}

void Memory::to(torch::Device device)
{
    items_ = items_.to(device);
}

torch::Tensor Memory::queriesFromFeatures(const torch::Tensor& features)
{
    auto unit = F::normalize(features, F::NormalizeFuncOptions().dim(1));
    return unit.permute({0, 2, 3, 1}).reshape({-1, features.size(1)});
}

MemoryScores Memory::score(const torch::Tensor& queries) const
{
    MemoryScores s;
    s.queries = queries;
    auto similarity = torch::matmul(queries, items_.to(queries.dtype()).t());
    s.scoreQuery = torch::softmax(similarity, 0);
    s.scoreMemory = torch::softmax(similarity, 1);
    s.top1 = std::get<1>(s.scoreMemory.topk(1, 1)).squeeze(1);
    return s;
}

torch::Tensor Memory::read(const MemoryScores& s, int64_t batch, int64_t height, int64_t width) const
{
    auto readItems = torch::matmul(s.scoreMemory.detach(), items_.to(s.queries.dtype()));
    auto joined = torch::cat({s.queries, readItems}, 1);
    return joined.view({batch, height, width, 2 * dim_}).permute({0, 3, 1, 2});
}

MemoryLosses Memory::losses(const MemoryScores& s) const
{
    auto nearestTwo = std::get<1>(s.scoreMemory.topk(2, 1));
    auto items = items_.to(s.queries.dtype());
    auto positive = items.index_select(0, nearestTwo.select(1, 0)).detach();
    auto negative = items.index_select(0, nearestTwo.select(1, 1)).detach();
    MemoryLosses out;
    out.compactness = F::mse_loss(s.queries, positive);
    out.separateness = torch::triplet_margin_loss(s.queries, positive, negative, /*margin=*/1.0, /*p=*/2.0,
                                                  /*eps=*/1e-6, /*swap=*/false, at::Reduction::Mean);
    return out;
}

torch::Tensor Memory::featureDistance(const MemoryScores& s, int64_t batch) const
{
    auto nearest = items_.to(s.queries.dtype()).index_select(0, s.top1);
    return (s.queries - nearest).pow(2).reshape({batch, -1}).mean(1);
}

torch::Tensor Memory::updatedItems(const MemoryScores& s) const
{
    torch::NoGradGuard noGrad;
    auto queries = s.queries.detach().to(torch::kFloat);
    auto scoreQuery = s.scoreQuery.detach().to(torch::kFloat);
    auto assigned = F::one_hot(s.top1, size_).to(torch::kFloat); // N×M
    torch::Tensor columnMax;
    if (normalization_ == UpdateNormalization::AllQueries) {
        columnMax = std::get<0>(scoreQuery.max(0, /*keepdim=*/true));
    } else {
        // Max over the queries assigned to each item; an item with none gets weight 0 anyway, so avoid 0/0.
        columnMax = std::get<0>((scoreQuery * assigned).max(0, true));
        columnMax = torch::where(columnMax > 0, columnMax, torch::ones_like(columnMax));
    }
    auto weights = assigned * scoreQuery / columnMax;     // N×M
    auto delta = torch::matmul(weights.t(), queries);     // M×D
    return F::normalize(items_ + delta, F::NormalizeFuncOptions().dim(1)).detach();
}

bool Memory::updateIfNormal(const torch::Tensor& frameQueries, double pointScore, double threshold)
{
    if (!(pointScore < threshold))
        return false;
    update(score(frameQueries));
    return true;
}

torch::Tensor Memory::itemSimilarity() const
{
    return torch::matmul(items_, items_.t());
}

torch::Tensor itemUsage(const torch::Tensor& top1, int64_t batch, int64_t memorySize)
{
    auto perSample = top1.reshape({batch, -1});
    auto counts = torch::zeros({batch, memorySize}, top1.options().dtype(torch::kLong));
    counts.scatter_add_(1, perSample, torch::ones_like(perSample));
    return counts;
}

} // namespace mnad
