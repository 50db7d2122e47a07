#include "core/train/trainer.h"

#include "core/data/clip_loader.h"
#include "core/model/mnad_model.h"
#include "core/model/training_kernels.h"
#include "core/run/atomic_file.h"
#include "core/run/config_json.h"
#include "core/runtime/device.h"
#include "core/train/checkpoint.h"
#include "core/train/fused_adam.h"
#include "core/train/metrics_log.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <fstream>

namespace mnad {

namespace {
using Clock = std::chrono::steady_clock;

double cosineLearningRate(double base, int epoch, int epochs)
{
    return base * (1 + std::cos(M_PI * epoch / epochs)) / 2; // CosineAnnealingLR(T_max=epochs), eta_min 0
}

void setLearningRate(torch::optim::Adam& optimizer, double lr)
{
    for (auto& group : optimizer.param_groups())
        static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
}

class RunLog {
public:
    RunLog(const std::filesystem::path& file, TrainingObserver& observer) : out_(file, std::ios::app), observer_(observer) {}
    void write(const std::string& message)
    {
        const std::time_t now = std::time(nullptr);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", std::localtime(&now));
        out_ << stamp << "  " << message << std::endl;
        observer_.onLog(message);
    }

private:
    std::ofstream out_;
    TrainingObserver& observer_;
};

// One training session over a run folder, from a given position to the end (or a stop).
class TrainingSession {
public:
    TrainingSession(const TrainConfig& config, std::shared_ptr<const FrameProvider> frames, const RunFolder& run,
                    TrainingObserver& observer)
        : config_(config), run_(run), observer_(observer), device_(selectDevice(config.device)),
          model_((torch::manual_seed(config.seed), config.model)),
          optimizer_(model_.network()->parameters(), torch::optim::AdamOptions(config.learningRate)),
          loader_(std::move(frames), ClipLoaderOptions{config.model.tLength, config.batchSize, true, true,
                                                       config.seed, config.loaderThreads, 4}),
          log_(run.log(), observer)
    {
        model_.memory().reset(config.seed);
        model_.to(device_);
        model_.setPrecision(config.precision);
        model_.setTrainingKernels(config.cpuKernels); // on the CPU only, and in float32 only
        model_.setChannelsLast(true); // before the first step, so that Adam's moments take the same layout
        if (loader_.batchesPerEpoch() == 0) {
            throw std::runtime_error("too little training data: " + std::to_string(loader_.windowCount()) +
                                     " clips of " + std::to_string(config.model.tLength) +
                                     " frames, fewer than one batch of " + std::to_string(config.batchSize));
        }
        configJson_ = trainConfigToJson(config, device_.str());
    }
    // Training's oneDNN primitives hold ~100 MiB of scratch memory that an evaluation in this process would not use.
    ~TrainingSession() { releaseTrainingKernels(); }
    TrainingSession(const TrainingSession&) = delete;
    TrainingSession& operator=(const TrainingSession&) = delete;

    void resumeFrom(const std::filesystem::path& checkpoint)
    {
        position_ = loadCheckpoint(checkpoint, model_, &optimizer_).position;
        log_.write("resumed from " + checkpoint.string() + " at step " + std::to_string(position_.step));
    }

    TrainingResult run(const StopToken& stop, bool fresh);

private:
    std::filesystem::path saveStepCheckpoint()
    {
        const auto file = run_.stepCheckpoint(position_.step);
        saveCheckpoint(file, model_, &optimizer_, position_, configJson_);
        run_.pruneStepCheckpoints(config_.keepCheckpoints);
        observer_.onCheckpoint(file);
        return file;
    }
    StepReport trainStep(const ClipBatch& batch, torch::Tensor& usage);
    EpochReport epochReport(const torch::Tensor& usage, double lossSum, int64_t steps) const;

    TrainConfig config_;
    RunFolder run_;
    TrainingObserver& observer_;
    torch::Device device_;
    MnadModel model_;
    torch::optim::Adam optimizer_;
    ClipLoader loader_;
    RunLog log_;
    std::string configJson_;
    TrainingPosition position_;
    Clock::time_point started_ = Clock::now();
    double secondsPerStep_ = 0;
};

StepReport TrainingSession::trainStep(const ClipBatch& batch, torch::Tensor& usage)
{
    const auto begin = Clock::now();
    auto [input, target] = model_.splitClip(toDevice(batch.clips, device_));
    optimizer_.zero_grad();
    auto out = model_.trainForward(input, target, {config_.lambdaCompact, config_.lambdaSeparate});
    const double total = out.totalLoss.item<double>();
    if (!std::isfinite(total)) {
        throw std::runtime_error("the loss became " + std::string(std::isnan(total) ? "NaN" : "infinite") +
                                 " at step " + std::to_string(position_.step + 1) +
                                 "; training stopped, the last good checkpoint is kept (try a lower learning rate)");
    }
    out.totalLoss.backward();
    adamStep(optimizer_);
    usage += torch::bincount(out.scores.top1.to(torch::kCPU), {}, model_.config().memorySize).to(torch::kDouble);
    ++position_.step;
    ++position_.batchInEpoch;

    const double seconds = std::chrono::duration<double>(Clock::now() - begin).count();
    secondsPerStep_ = secondsPerStep_ == 0 ? seconds : 0.9 * secondsPerStep_ + 0.1 * seconds;
    StepReport r;
    r.step = position_.step;
    r.epoch = position_.epoch;
    r.epochs = config_.epochs;
    r.batchInEpoch = position_.batchInEpoch;
    r.batchesPerEpoch = loader_.batchesPerEpoch();
    r.totalSteps = config_.epochs * r.batchesPerEpoch;
    r.pixelLoss = out.pixelLoss.item<double>();
    r.compactnessLoss = out.compactnessLoss.item<double>();
    r.separatenessLoss = out.separatenessLoss.item<double>();
    r.totalLoss = total;
    r.learningRate = cosineLearningRate(config_.learningRate, position_.epoch, config_.epochs);
    r.samplesPerSecond = input.size(0) / seconds;
    r.elapsedSeconds = std::chrono::duration<double>(Clock::now() - started_).count();
    r.etaSeconds = secondsPerStep_ * static_cast<double>(r.totalSteps - r.step);
    return r;
}

EpochReport TrainingSession::epochReport(const torch::Tensor& usage, double lossSum, int64_t steps) const
{
    EpochReport e;
    e.epoch = position_.epoch;
    e.epochs = config_.epochs;
    e.meanTotalLoss = steps > 0 ? lossSum / static_cast<double>(steps) : 0;
    e.memorySize = model_.config().memorySize;
    const auto share = usage / std::max(1.0, usage.sum().item<double>());
    e.itemUsage.assign(share.data_ptr<double>(), share.data_ptr<double>() + share.numel());
    auto similarity = model_.memory().itemSimilarity().to(torch::kCPU, torch::kDouble).contiguous();
    e.itemSimilarity.assign(similarity.data_ptr<double>(), similarity.data_ptr<double>() + similarity.numel());
    return e;
}

TrainingResult TrainingSession::run(const StopToken& stop, bool fresh)
{
    MetricsLog metrics(run_.metrics(), fresh, position_.step);
    TrainingResult result;
    result.runFolder = run_.root();
    const int64_t firstStep = position_.step;
    observer_.onStarted(run_.root(), firstStep, config_.epochs * loader_.batchesPerEpoch());
    log_.write("training on " + device_.str() + ", " + std::to_string(loader_.windowCount()) + " clips, " +
               std::to_string(loader_.batchesPerEpoch()) + " batches per epoch");
    while (position_.epoch < config_.epochs) {
        setLearningRate(optimizer_, cosineLearningRate(config_.learningRate, position_.epoch, config_.epochs));
        loader_.startEpoch(position_.epoch, position_.batchInEpoch);
        auto usage = torch::zeros({model_.config().memorySize}, torch::kDouble);
        double lossSum = 0;
        int64_t steps = 0;
        while (true) {
            if (stop.stopRequested()) {
                result.outcome = TrainingOutcome::Stopped;
                result.checkpoint = saveStepCheckpoint();
                log_.write("stopped at step " + std::to_string(position_.step));
                break;
            }
            auto batch = loader_.next();
            if (!batch)
                break;
            StepReport report = trainStep(*batch, usage);
            metrics.append(report);
            observer_.onStep(report);
            lossSum += report.totalLoss;
            ++steps;
            if (config_.checkpointEverySteps > 0 && position_.step % config_.checkpointEverySteps == 0)
                result.checkpoint = saveStepCheckpoint();
        }
        if (result.outcome == TrainingOutcome::Stopped)
            break;
        EpochReport epoch = epochReport(usage, lossSum, steps);
        ++position_.epoch;
        position_.batchInEpoch = 0;
        result.checkpoint = saveStepCheckpoint();
        observer_.onEpoch(epoch);
        log_.write("epoch " + std::to_string(epoch.epoch + 1) + "/" + std::to_string(config_.epochs) +
                   " mean loss " + std::to_string(epoch.meanTotalLoss));
    }
    if (result.outcome == TrainingOutcome::Finished) {
        saveCheckpoint(run_.finalCheckpoint(), model_, &optimizer_, position_, configJson_);
        result.checkpoint = run_.finalCheckpoint();
        observer_.onCheckpoint(result.checkpoint);
        log_.write("finished after " + std::to_string(position_.step) + " steps");
    }
    result.steps = position_.step;
    result.seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    const double trainedSamples = static_cast<double>((position_.step - firstStep) * config_.batchSize);
    result.samplesPerSecond = result.seconds > 0 ? trainedSamples / result.seconds : 0;
    return result;
}

} // namespace

TrainingResult trainNewRun(const TrainConfig& config, std::shared_ptr<const FrameProvider> frames,
                           const RunFolder& run, TrainingObserver& observer, const StopToken& stop)
{
    config.validate();
    if (frames->frameSize() != config.model.imageSize)
        throw std::invalid_argument("frames are " + std::to_string(frames->frameSize()) + " pixels, the model expects " +
                                    std::to_string(config.model.imageSize));
    TrainingSession session(config, std::move(frames), run, observer);
    writeFileAtomically(run.config(), trainConfigToJson(config, selectDevice(config.device).str()));
    return session.run(stop, true);
}

TrainingResult resumeRun(const RunFolder& run, std::shared_ptr<const FrameProvider> frames,
                         TrainingObserver& observer, const StopToken& stop)
{
    const TrainConfig config = readTrainConfig(run.config());
    const auto checkpoint = run.latestCheckpoint();
    if (!checkpoint)
        throw std::runtime_error(run.root().string() + ": no checkpoint to resume from");
    TrainingSession session(config, std::move(frames), run, observer);
    session.resumeFrom(*checkpoint);
    return session.run(stop, false);
}

} // namespace mnad
