#include "core/model/model_config.h"

#include <stdexcept>

namespace mnad {

std::string methodName(Method method)
{
    return method == Method::Prediction ? "pred" : "recon";
}

Method methodFromName(const std::string& name)
{
    if (name == "pred" || name == "prediction")
        return Method::Prediction;
    if (name == "recon" || name == "reconstruction")
        return Method::Reconstruction;
    throw std::invalid_argument("unknown method '" + name + "': use pred or recon");
}

ModelConfig ModelConfig::paper(Method method)
{
    ModelConfig config;
    config.method = method;
    config.tLength = method == Method::Prediction ? 5 : 1;
    return config;
}

void ModelConfig::validate() const
{
    auto require = [](bool ok, const std::string& what) {
        if (!ok)
            throw std::invalid_argument("invalid model configuration: " + what);
    };
    require(method != Method::Prediction || tLength >= 2, "t_length must be at least 2 for prediction");
    require(method != Method::Reconstruction || tLength == 1, "t_length must be 1 for reconstruction");
    require(imageChannels >= 1, "image channels must be at least 1");
    require(width >= 1, "width must be at least 1");
    require(memorySize >= 2, "memory size must be at least 2 (the separateness loss needs two items)");
    require(imageSize >= 8 && imageSize % 8 == 0, "image size must be a positive multiple of 8");
}

} // namespace mnad
