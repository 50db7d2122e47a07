#include "core/eval/evaluator.h"

#include "core/data/clip_loader.h"
#include "core/eval/score_normalization.h"
#include "core/model/frame_metrics.h"
#include "core/model/inference_kernels.h"
#include "core/runtime/device.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <stdexcept>

namespace mnad {

std::string memoryPolicyName(MemoryPolicy policy)
{
    return policy == MemoryPolicy::CarryAcrossVideos ? "carry-across-videos" : "reset-per-video";
}

EvaluationConfig EvaluationConfig::official(Method method)
{
    EvaluationConfig config;
    config.alpha = method == Method::Prediction ? 0.6 : 0.7;
    config.threshold = method == Method::Prediction ? 0.01 : 0.015;
    return config;
}

namespace {

constexpr double kMaxPsnr = 100.0; // dB

// Decoded frames of one video, read in chunks ahead of the model on another thread.
using Frames = std::vector<std::vector<uint8_t>>;

Frames readFrames(const FrameProvider& provider, int64_t video, int64_t begin, int64_t end)
{
    const size_t bytes = static_cast<size_t>(provider.frameSize()) * provider.frameSize() * 3;
    Frames frames(static_cast<size_t>(end - begin), std::vector<uint8_t>(bytes));
    for (int64_t f = begin; f < end; ++f)
        provider.readFrame(video, f, frames[static_cast<size_t>(f - begin)].data());
    return frames;
}

// Evaluation runs the convolutions channels-last (faster with oneDNN and cuDNN), on the CPU through the fast
// inference kernels when asked and built, and leaves the model as it found it, also when an exception ends the
// evaluation.
class InferenceScope {
public:
    InferenceScope(MnadModel& model, CpuKernels cpuKernels, Precision precision)
        : model_(model), previousPrecision_(model.precision()), previousTrainingKernels_(model.trainingKernels()),
          wasChannelsLast_(model.channelsLast())
    {
        model_.setChannelsLast(true);
        model_.setPrecision(precision);
        // A model fresh from training still has its training kernels; evaluation's scores must not depend on them.
        model_.setTrainingKernels(CpuKernels::LibTorch);
        // The kernels are float32: with mixed precision, autocast runs the convolutions.
        if (cpuKernels != CpuKernels::LibTorch && precision == Precision::Float32 && model_.device().is_cpu())
            kernels_ = makeCpuInferenceKernels(cpuKernels == CpuKernels::Winograd);
        model_.network()->setInferenceKernels(kernels_);
    }
    ~InferenceScope()
    {
        model_.network()->setInferenceKernels(nullptr);
        model_.setTrainingKernels(previousTrainingKernels_);
        model_.setPrecision(previousPrecision_);
        model_.setChannelsLast(wasChannelsLast_);
    }
    InferenceScope(const InferenceScope&) = delete;
    InferenceScope& operator=(const InferenceScope&) = delete;

    std::string convolutions() const { return kernels_ ? kernels_->name() : "LibTorch"; }

private:
    MnadModel& model_;
    Precision previousPrecision_;
    CpuKernels previousTrainingKernels_;
    bool wasChannelsLast_;
    std::shared_ptr<InferenceKernels> kernels_;
};

class VideoEvaluator {
public:
    VideoEvaluator(MnadModel& model, const EvaluationConfig& config, const StopToken* stop)
        : model_(model), config_(config), stop_(stop)
    {
    }

    // Scores every window of the video, decoding it a chunk at a time (the next chunk on another thread while the
    // model works on this one), so that memory stays flat in the video's length. False when stopped.
    bool run(const FrameProvider& frames, int64_t video, VideoEvaluation& out, int64_t& updates);

private:
    // Windows [first, first + count) of a batch whose encoder outputs are `encoded` (batch rows from `row`).
    // Returns how many windows were scored: all of them, or up to and including the first that updated the memory.
    int64_t scoreWindows(int64_t video, const EncoderOutput& encoded, const torch::Tensor& target, int64_t row,
                         int64_t frameOfRow, VideoEvaluation& out, int64_t& updates);

    // Frames per encoder pass: the configured batch; on the CPU fewer for large frames, where batching gains
    // nothing and costs memory (measured at 256²: batch 1 1.33 frames/s and 0.9 GiB, batch 8 1.23 frames/s and
    // 2.0 GiB). A GPU needs the batches to be busy.
    int64_t batchSize() const;

    MnadModel& model_;
    const EvaluationConfig& config_;
    const StopToken* stop_;
};

constexpr int64_t kPixelsPerPass = 8 * 64 * 64;
constexpr int64_t kWindowsPerChunk = 64;

int64_t VideoEvaluator::batchSize() const
{
    if (!model_.device().is_cpu())
        return config_.encoderBatch;
    const int64_t pixels = int64_t{model_.config().imageSize} * model_.config().imageSize;
    return std::clamp<int64_t>(kPixelsPerPass / pixels, 1, config_.encoderBatch);
}

EncoderOutput rows(const EncoderOutput& e, int64_t first, int64_t count)
{
    return {e.features.narrow(0, first, count), e.skip1.narrow(0, first, count), e.skip2.narrow(0, first, count),
            e.skip3.narrow(0, first, count)};
}

bool VideoEvaluator::run(const FrameProvider& frames, int64_t video, VideoEvaluation& out, int64_t& updates)
{
    const auto& mc = model_.config();
    const int t = mc.method == Method::Prediction ? mc.tLength : 1;
    const int size = mc.imageSize;
    const auto device = model_.device();
    const int64_t total = frames.frameCount(video), windows = total - t + 1, batch = batchSize();
    const int64_t chunkWindows = std::max(batch, kWindowsPerChunk / batch * batch);
    const auto readChunk = [&](int64_t firstWindow) {
        return std::async(std::launch::async, readFrames, std::cref(frames), video, firstWindow,
                          std::min(total, firstWindow + chunkWindows + t - 1));
    };
    std::future<Frames> next = readChunk(0);
    for (int64_t chunkStart = 0; chunkStart < windows; chunkStart += chunkWindows) {
        const Frames chunk = next.get();
        if (chunkStart + chunkWindows < windows)
            next = readChunk(chunkStart + chunkWindows);
        if (stop_ && stop_->stopRequested())
            return false;
        for (int64_t first = chunkStart; first < std::min(windows, chunkStart + chunkWindows); first += batch) {
            if (stop_ && stop_->stopRequested()) // at 256² a chunk is a minute of CPU: look at every batch
                return false;
            const int64_t count = std::min({batch, windows - first, chunkStart + chunkWindows - first});
            std::vector<const uint8_t*> span; // the frames of windows [first, first + count)
            for (int64_t f = first; f < first + count + t - 1; ++f)
                span.push_back(chunk[static_cast<size_t>(f - chunkStart)].data());
            auto [input, target] = model_.splitClip(slidingClips(span, t, size, device));
            const auto encoded = model_.encode(input);
            // Each window reads the memory as the windows before it left it. Updates are rare (a few per
            // thousand frames), so the rest of the batch is decoded at once with the current memory, and again
            // from the window after an update: what frame-by-frame evaluation computes, to float rounding (a
            // batched convolution may sum in another order).
            for (int64_t done = 0; done < count;)
                done += scoreWindows(video, encoded, target, done, first + done + t - 1, out, updates);
        }
    }
    if (next.valid())
        next.wait();
    return true;
}

int64_t VideoEvaluator::scoreWindows(int64_t video, const EncoderOutput& encoded, const torch::Tensor& target,
                                     int64_t row, int64_t frameOfRow, VideoEvaluation& out, int64_t& updates)
{
    const int64_t n = encoded.features.size(0) - row;
    const EncoderOutput part = rows(encoded, row, n);
    const int64_t h = part.features.size(2), w = part.features.size(3);
    Memory& memory = model_.memory();
    const auto scores = memory.score(Memory::queriesFromFeatures(part.features));
    const auto output = model_.decode(memory.read(scores, n, h, w), part);
    const auto frameTarget = target.narrow(0, row, n);
    // A perfect frame (MSE 0) has an infinite PSNR, which the official code turns into NaN scores; cap it.
    const auto psnr = framePsnr(output, frameTarget).clamp_max(kMaxPsnr).to(torch::kCPU);
    const auto point = framePointScore(output, frameTarget).to(torch::kCPU);
    const auto distance = memory.featureDistance(scores, n).to(torch::kCPU, torch::kDouble);
    const auto usage = itemUsage(scores.top1, n, memory.size()).to(torch::kCPU, torch::kInt).contiguous();
    for (int64_t k = 0; k < n; ++k) {
        FrameRecord& r = out.frames[static_cast<size_t>(frameOfRow + k)];
        r.scored = true;
        r.psnr = psnr[k].item<double>();
        r.pointScore = point[k].item<double>();
        r.featureDistance = distance[k].item<double>();
        const int32_t* counts = usage[k].data_ptr<int32_t>();
        r.itemUsage.assign(counts, counts + memory.size());
        const auto queries = scores.queries.narrow(0, k * h * w, h * w);
        if (config_.inspector) {
            const auto frameOutput = output.narrow(0, k, 1), real = frameTarget.narrow(0, k, 1);
            FrameInspection inspection{frameOutput, real, errorMap(frameOutput, real)[0],
                                       scores.scoreMemory.narrow(0, k * h * w, h * w).t().reshape({-1, h, w}),
                                       scores.top1.narrow(0, k * h * w, h * w).view({h, w})};
            config_.inspector(video, frameOfRow + k, inspection);
        }
        if (memory.updateIfNormal(queries, r.pointScore, config_.threshold)) {
            r.memoryUpdated = true;
            ++updates;
            return k + 1;
        }
    }
    return n;
}

} // namespace

Evaluation evaluateModel(MnadModel& model, const FrameProvider& frames, const std::vector<std::vector<uint8_t>>& labels,
                         const EvaluationConfig& config, const EvaluationProgress& progress, const StopToken* stop)
{
    if (config.encoderBatch < 1)
        throw std::invalid_argument("encoder batch must be at least 1");
    if (frames.frameSize() != model.config().imageSize)
        throw std::invalid_argument("frames are " + std::to_string(frames.frameSize()) +
                                    " pixels, the model expects " + std::to_string(model.config().imageSize));
    if (!labels.empty() && static_cast<int64_t>(labels.size()) != frames.videoCount())
        throw std::invalid_argument("labels are given for " + std::to_string(labels.size()) + " videos, the test split has " +
                                    std::to_string(frames.videoCount()));
    torch::NoGradGuard noGrad;
    model.network()->eval();
    InferenceScope inference(model, config.cpuKernels, config.precision);
    const torch::Tensor trainedItems = model.memory().items().clone();
    const auto start = std::chrono::steady_clock::now();

    Evaluation evaluation;
    evaluation.method = methodName(model.config().method);
    evaluation.alpha = config.alpha;
    evaluation.threshold = config.threshold;
    evaluation.memoryPolicy = config.memoryPolicy;
    evaluation.device = model.device().str();
    VideoEvaluator evaluator(model, config, stop);
    const int64_t videos = frames.videoCount();
    const int64_t lastVideo = config.lastVideo >= 0 ? std::min(config.lastVideo, videos - 1) : videos - 1;
    for (int64_t v = 0; v <= lastVideo; ++v) {
        if (stop && stop->stopRequested())
            break;
        VideoEvaluation video;
        video.name = frames.videoName(v);
        video.frames.resize(static_cast<size_t>(frames.frameCount(v)));
        if (!labels.empty()) {
            if (labels[v].size() != video.frames.size())
                throw std::invalid_argument("video " + video.name + " has " + std::to_string(video.frames.size()) +
                                            " frames but " + std::to_string(labels[v].size()) + " labels");
            for (size_t f = 0; f < video.frames.size(); ++f)
                video.frames[f].label = labels[v][f];
        }
        if (config.memoryPolicy == MemoryPolicy::ResetPerVideo)
            model.memory().setItems(trainedItems);
        if (!evaluator.run(frames, v, video, evaluation.summary.memoryUpdates))
            break;
        evaluation.videos.push_back(std::move(video));
        if (progress)
            progress(v + 1, videos);
    }
    model.memory().setItems(trainedItems);
    evaluation.convolutions = inference.convolutions();
    evaluation.summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    scoreEvaluation(evaluation);
    return evaluation;
}

void scoreEvaluation(Evaluation& evaluation)
{
    auto& s = evaluation.summary;
    std::vector<double> anomaly, causalAnomaly;
    std::vector<uint8_t> truth;
    std::vector<std::vector<double>> perVideoScores;
    std::vector<std::vector<uint8_t>> perVideoLabels;
    bool allLabelled = true;
    s.scoredFrames = 0;
    for (auto& video : evaluation.videos) {
        std::vector<double> psnr, distance;
        std::vector<FrameRecord*> scored;
        for (auto& f : video.frames) {
            if (!f.scored)
                continue;
            psnr.push_back(f.psnr);
            distance.push_back(f.featureDistance);
            scored.push_back(&f);
        }
        if (scored.empty())
            continue;
        const auto normality = normalityScore(psnr, distance, evaluation.alpha);
        const auto causal = causalNormalityScore(psnr, distance, evaluation.alpha);
        std::vector<double> videoScores;
        std::vector<uint8_t> videoLabels;
        for (size_t i = 0; i < scored.size(); ++i) {
            scored[i]->normality = normality[i];
            scored[i]->causalNormality = causal[i];
            anomaly.push_back(1 - normality[i]);
            causalAnomaly.push_back(1 - causal[i]);
            allLabelled = allLabelled && scored[i]->label >= 0;
            truth.push_back(static_cast<uint8_t>(std::max(0, scored[i]->label)));
            videoScores.push_back(1 - normality[i]);
            videoLabels.push_back(truth.back());
        }
        perVideoScores.push_back(std::move(videoScores));
        perVideoLabels.push_back(std::move(videoLabels));
        s.scoredFrames += static_cast<int64_t>(scored.size());
    }
    s.framesPerSecond = s.seconds > 0 ? static_cast<double>(s.scoredFrames) / s.seconds : 0;
    bool bothClasses = false;
    for (size_t i = 1; i < truth.size(); ++i)
        bothClasses = bothClasses || truth[i] != truth[0];
    s.hasLabels = allLabelled && bothClasses;
    if (!s.hasLabels)
        return;
    s.microAuc = rocAuc(anomaly, truth);
    s.causalMicroAuc = rocAuc(causalAnomaly, truth);
    s.macroAuc = macroAuc(perVideoScores, perVideoLabels);
    s.equalErrorRate = equalErrorRate(anomaly, truth);
    s.averagePrecision = averagePrecision(anomaly, truth);
    s.roc = rocCurve(anomaly, truth);
}

} // namespace mnad
