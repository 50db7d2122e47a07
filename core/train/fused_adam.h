#pragma once
// Adam's update in one pass over each parameter. torch::optim::Adam makes five passes over the weights and their
// moments per step (mul_, add_, mul_, addcmul_, sqrt/div/add_, addcdiv_), about 9 % of a 64² training step at
// full width on this CPU; fused it is memory-bound once. Same formula, same state, in the optimizer's own state
// tensors, so checkpoints and resuming are unchanged.

#include <torch/optim/adam.h>

namespace mnad {

// One Adam step of `optimizer`, fused where it can be (CPU, float32, dense parameters — contiguous or channels-last —,
// no weight decay or AMSGrad); anything else goes through optimizer.step().
void adamStep(torch::optim::Adam& optimizer);

} // namespace mnad
