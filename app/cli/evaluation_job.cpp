#include "app/cli/evaluation_job.h"

#include "app/cli/exit_codes.h"
#include "app/cli/interrupt.h"

#include <cstdio>

namespace mnad::cli {

RunJobRequest EvaluationOptions::request() const
{
    RunJobRequest r;
    r.run = run;
    r.checkpoint = checkpoint;
    r.data = data;
    r.labels = labels;
    r.memoryPolicy = memoryPolicy == "reset" ? MemoryPolicy::ResetPerVideo : MemoryPolicy::CarryAcrossVideos;
    r.alpha = alpha;
    r.threshold = threshold;
    r.encoderBatch = encoderBatch;
    r.cpuKernels = cpuKernelsFromName(cpuKernels);
    r.precision = precisionFromName(precision);
    r.device = device;
    return r;
}

EvaluationOutcome runEvaluation(const EvaluationOptions& o)
{
    StopToken stop;
    InterruptGuard interrupts(stop);
    const RunEvaluation result = evaluateRun(o.request(), [](int64_t done, int64_t all) {
        std::printf("evaluated video %lld/%lld\n", static_cast<long long>(done), static_cast<long long>(all));
        std::fflush(stdout);
    }, &stop);
    for (const auto& warning : result.warnings)
        std::fprintf(stderr, "warning: %s\n", warning.c_str());
    if (result.stopped) {
        std::printf("stopped; nothing written\n");
        return {ExitStopped};
    }
    const auto& s = result.evaluation.summary;
    std::printf("%lld frames scored in %.1f s (%.1f frames/s), %lld memory updates\n",
                static_cast<long long>(s.scoredFrames), s.seconds, s.framesPerSecond,
                static_cast<long long>(s.memoryUpdates));
    if (s.hasLabels)
        std::printf("frame AUC (micro) %.4f | macro %.4f (%d videos, %d skipped) | EER %.4f | AP %.4f | causal AUC %.4f\n",
                    s.microAuc, s.macroAuc.value, s.macroAuc.videosUsed, s.macroAuc.videosSkipped, s.equalErrorRate,
                    s.averagePrecision, s.causalMicroAuc);
    std::printf("results in %s\n", o.run.c_str());
    return {ExitOk, s.hasLabels, s.microAuc, s.framesPerSecond};
}

} // namespace mnad::cli
