#include "core/model/conv_ae.h"

namespace mnad {

ConvAEImpl::ConvAEImpl(const ModelConfig& config)
{
    config.validate();
    encoder = register_module("encoder", Encoder(config.inputChannels(), config.width));
    decoder = register_module("decoder",
                              Decoder(config.width, config.imageChannels, config.method == Method::Prediction));
}

} // namespace mnad
