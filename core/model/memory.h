#pragma once
// The MNAD memory (spec §1.4): M unit-norm items of dimension D, read by attention and updated by the queries
// assigned to them. Not a module and not a parameter: no gradient ever reaches it; the owner saves, loads and
// resets it explicitly. All operations are vectorised and stay on the items' device (no host synchronisation).

#include "core/model/model_config.h"

#include <torch/types.h>

#include <cstdint>

namespace mnad {

// Similarities between N queries and the M items, in the official row order (b, y, x).
struct MemoryScores {
    torch::Tensor queries;     // N×D unit queries
    torch::Tensor scoreQuery;  // N×M softmax over the queries, per item (the paper's v; drives the update)
    torch::Tensor scoreMemory; // N×M softmax over the items, per query (the paper's w; the attention)
    torch::Tensor top1;        // N, index of the most attended item
};

struct MemoryLosses {
    torch::Tensor compactness;  // MSE between each query and its nearest item
    torch::Tensor separateness; // triplet margin loss (margin 1): nearest item positive, second nearest negative
};

class Memory {
public:
    Memory(int size, int dim, UpdateNormalization normalization = UpdateNormalization::AllQueries);

    int size() const { return size_; }
    int dim() const { return dim_; }
    UpdateNormalization normalization() const { return normalization_; }

    const torch::Tensor& items() const { return items_; }
    // Replaces the items; throws std::invalid_argument unless they are size×dim floating point.
    void setItems(const torch::Tensor& items);
    // Official initialisation: uniform [0,1) rows, L2-normalised, drawn from a generator seeded with `seed`.
    void reset(uint64_t seed);
    void to(torch::Device device);

    // B×D×h×w encoder features → N×D unit queries (L2 over channels, then rows in b, y, x order).
    static torch::Tensor queriesFromFeatures(const torch::Tensor& features);

    MemoryScores score(const torch::Tensor& queries) const;
    // Decoder input [query ‖ read] as B×2D×h×w; the read weights are detached (no gradient through them).
    torch::Tensor read(const MemoryScores& scores, int64_t batch, int64_t height, int64_t width) const;
    MemoryLosses losses(const MemoryScores& scores) const;
    // Per-sample feature distance: MSE between each query and its nearest item, averaged over a sample's queries.
    torch::Tensor featureDistance(const MemoryScores& scores, int64_t batch) const;

    // Items after one update with these scores (top-1 assignment, normalised weights, L2-normalised sum).
    torch::Tensor updatedItems(const MemoryScores& scores) const;
    void update(const MemoryScores& scores) { items_ = updatedItems(scores); }
    // The test-time update (spec §2.1): the memory takes one frame's queries only when the frame looks normal,
    // i.e. when its weighted regular score is below the threshold. Returns whether it updated.
    bool updateIfNormal(const torch::Tensor& frameQueries, double pointScore, double threshold);

    // Item-to-item cosine similarity (M×M).
    torch::Tensor itemSimilarity() const;

private:
    int size_;
    int dim_;
    UpdateNormalization normalization_;
    torch::Tensor items_;
};

// How many queries of each sample chose each item: B×M counts from N top-1 indices.
torch::Tensor itemUsage(const torch::Tensor& top1, int64_t batch, int64_t memorySize);

} // namespace mnad
