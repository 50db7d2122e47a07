#pragma once
// Architecture of an MNAD model. Plain data, no torch: the GUI edits it and config.json stores it.

#include <string>

namespace mnad {

enum class Method {
    Prediction,     // 4 frames in, the 5th predicted; U-Net with skips
    Reconstruction, // 1 frame in, the same frame reconstructed; no skips
};

std::string methodName(Method method); // "pred" / "recon", the official spelling
Method methodFromName(const std::string& name); // throws std::invalid_argument

// How the memory update weights are normalised (spec §1.4).
enum class UpdateNormalization {
    AllQueries,      // official code: divide by the max of each item's column over all queries
    AssignedQueries, // paper Eq. 5 (PR #4): divide by the max over the queries assigned to that item
};

struct ModelConfig {
    Method method = Method::Prediction;
    int tLength = 5;        // frames per clip: prediction 4 inputs + 1 target; reconstruction 1
    int imageChannels = 3;  // BGR
    int width = 64;         // channels of the first encoder stage; stages are w, 2w, 4w, 8w (paper: 64)
    int memorySize = 10;    // memory items M
    int imageSize = 256;    // square input side; a multiple of 8
    UpdateNormalization updateNormalization = UpdateNormalization::AllQueries;

    // Feature (= memory item) dimension: the last encoder stage, 8·width (paper: 512).
    int featureDim() const { return 8 * width; }
    // Channels entering the encoder: prediction stacks tLength−1 frames; the official reconstruction
    // model is built with its default t_length = 2, i.e. one frame.
    int inputChannels() const
    {
        return method == Method::Prediction ? imageChannels * (tLength - 1) : imageChannels;
    }
    // Side of the query map (the encoder pools three times).
    int querySize() const { return imageSize / 8; }

    // The paper's configuration for a method (256², 10 × 512, t_length 5 / 1).
    static ModelConfig paper(Method method);

    // Throws std::invalid_argument naming the first field that is out of range.
    void validate() const;
};

} // namespace mnad
