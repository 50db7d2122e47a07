#include "core/jobs/opened_run.h"

#include "core/run/config_json.h"
#include "core/runtime/device.h"
#include "core/train/checkpoint.h"

#include <stdexcept>

namespace mnad {

int64_t OpenedRun::videoIndex(const std::string& name) const
{
    std::string names;
    for (int64_t v = 0; v < frames->videoCount(); ++v) {
        if (frames->videoName(v) == name)
            return v;
        names += (v ? ", " : "") + frames->videoName(v);
    }
    throw std::runtime_error("no test video named '" + name + "' in " + dataset.root.string() + " (there are: " +
                             names + ")");
}

OpenedRun openRun(const RunJobRequest& request)
{
    OpenedRun r;
    r.run = RunFolder(request.run);
    r.config = readTrainConfig(r.run.config());
    r.checkpoint = request.checkpoint;
    if (r.checkpoint.empty()) {
        const auto latest = r.run.latestCheckpoint();
        if (!latest)
            throw std::runtime_error(r.run.root().string() + ": no checkpoint to evaluate (train it first)");
        r.checkpoint = *latest;
    }
    r.checkpoint = std::filesystem::absolute(r.checkpoint).lexically_normal(); // report.json must name it anywhere
    r.model = std::make_unique<MnadModel>(r.config.model);
    loadCheckpoint(r.checkpoint, *r.model);
    r.model->to(selectDevice(request.device));
    r.dataset = discoverDataset(request.data.empty() ? std::filesystem::path(r.config.datasetPath) : request.data);
    if (r.dataset.testing.empty())
        throw std::runtime_error(r.dataset.root.string() + ": no test videos");
    r.frames = std::make_unique<DiskFrameProvider>(r.dataset.testing, r.config.model.imageSize);
    r.evaluation = EvaluationConfig::official(r.config.model.method);
    if (request.alpha >= 0)
        r.evaluation.alpha = request.alpha;
    if (request.threshold >= 0)
        r.evaluation.threshold = request.threshold;
    r.evaluation.memoryPolicy = request.memoryPolicy;
    r.evaluation.encoderBatch = request.encoderBatch;
    r.evaluation.cpuKernels = request.cpuKernels;
    r.evaluation.precision = request.precision;
    return r;
}

} // namespace mnad
