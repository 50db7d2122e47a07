#include "core/train/train_config.h"

#include <stdexcept>

namespace mnad {

TrainConfig TrainConfig::official(Method method)
{
    TrainConfig config;
    config.model = ModelConfig::paper(method);
    const double lambda = method == Method::Prediction ? 0.1 : 0.01;
    config.lambdaCompact = lambda;
    config.lambdaSeparate = lambda;
    return config;
}

void TrainConfig::validate() const
{
    model.validate();
    auto require = [](bool ok, const std::string& what) {
        if (!ok)
            throw std::invalid_argument("invalid training configuration: " + what);
    };
    require(epochs >= 1, "epochs must be at least 1");
    require(batchSize >= 1, "batch size must be at least 1");
    require(learningRate > 0, "learning rate must be positive");
    require(lambdaCompact >= 0 && lambdaSeparate >= 0, "loss weights must not be negative");
    require(loaderThreads >= 1, "loader threads must be at least 1");
    require(checkpointEverySteps >= 0, "checkpoint interval must not be negative");
    require(keepCheckpoints >= 1, "keep at least one checkpoint");
    require(precision != Precision::Float16,
            "fp16 training needs loss scaling, which LibTorch's C++ API does not have: use bf16 or fp32");
}

} // namespace mnad
