#include "app/cli/progress_printer.h"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace mnad::cli {

std::string formatDuration(double seconds)
{
    const long s = static_cast<long>(seconds + 0.5);
    char buffer[32];
    if (s >= 3600)
        std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
    return buffer;
}

ProgressPrinter::ProgressPrinter(int64_t logEvery) : tty_(isatty(fileno(stdout)) != 0), logEvery_(logEvery) {}

void ProgressPrinter::onStarted(const std::filesystem::path& runFolder, int64_t firstStep, int64_t totalSteps)
{
    std::printf("run folder: %s\n", runFolder.string().c_str());
    if (firstStep > 0)
        std::printf("resuming at step %lld of %lld\n", static_cast<long long>(firstStep),
                    static_cast<long long>(totalSteps));
    std::fflush(stdout);
}

void ProgressPrinter::onStep(const StepReport& r)
{
    if (tty_) {
        const int width = 24;
        const int filled = r.totalSteps > 0 ? static_cast<int>(width * r.step / r.totalSteps) : 0;
        std::string bar(static_cast<size_t>(filled), '#');
        bar.resize(width, '-');
        std::printf("\r[%s] epoch %d/%d step %lld/%lld  loss %.4f (pixel %.4f)  %.1f samples/s  ETA %s   ",
                    bar.c_str(), r.epoch + 1, r.epochs, static_cast<long long>(r.step),
                    static_cast<long long>(r.totalSteps), r.totalLoss, r.pixelLoss, r.samplesPerSecond,
                    formatDuration(r.etaSeconds).c_str());
        barShown_ = true;
    } else if (logEvery_ > 0 && r.step % logEvery_ == 0) {
        std::printf("step %lld/%lld epoch %d/%d loss %.5f pixel %.5f compact %.5f separate %.5f lr %.3g "
                    "%.1f samples/s ETA %s\n",
                    static_cast<long long>(r.step), static_cast<long long>(r.totalSteps), r.epoch + 1, r.epochs,
                    r.totalLoss, r.pixelLoss, r.compactnessLoss, r.separatenessLoss, r.learningRate,
                    r.samplesPerSecond, formatDuration(r.etaSeconds).c_str());
    }
    std::fflush(stdout);
}

void ProgressPrinter::onEpoch(const EpochReport& e)
{
    finish();
    std::printf("epoch %d/%d done, mean loss %.5f\n", e.epoch + 1, e.epochs, e.meanTotalLoss);
    std::fflush(stdout);
}

void ProgressPrinter::onCheckpoint(const std::filesystem::path&) {}

void ProgressPrinter::finish()
{
    if (barShown_) {
        std::printf("\n");
        barShown_ = false;
    }
}

} // namespace mnad::cli
