#pragma once
// Every frame of a provider read once into memory: what the benchmarks train and evaluate on, so that they time
// clip assembly and the model, not the generator that drew the frames (the loader has its own benchmark).

#include "core/data/frame_provider.h"

#include <memory>

namespace mnad {

std::shared_ptr<const FrameProvider> framesInMemory(const FrameProvider& source);

} // namespace mnad
